import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AUDIT_ACTIONS,
  FLAG_REASONS,
  FLAG_STATUSES,
  MODERATION_REASON_MAX_LENGTH,
  SILENCE_MAX_MINUTES,
  type AuditAction,
  type AuditQuery,
  type FlagPostRequest,
  type FlagQueueQuery,
  type FlagReason,
  type FlagStatus,
  type ModeratePostRequest,
  type ModerateThreadRequest,
  type ResolveFlagRequest,
  type SilenceUserRequest,
} from '@twinning/contracts';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { Trim } from '../../common/dto-helpers';
import { PageQueryDto } from '../../common/page-query.dto';

export const FLAG_NOTE_MAX_LENGTH = 1000;

export class FlagPostDto implements FlagPostRequest {
  @ApiProperty({ enum: FLAG_REASONS })
  @IsIn(FLAG_REASONS, { message: `reason must be one of ${FLAG_REASONS.join(', ')}` })
  reason!: FlagReason;

  @ApiPropertyOptional({ maxLength: FLAG_NOTE_MAX_LENGTH })
  @IsOptional()
  @Trim()
  @IsString({ message: 'note must be text' })
  @MaxLength(FLAG_NOTE_MAX_LENGTH)
  note?: string;
}

export class FlagQueueQueryDto extends PageQueryDto implements FlagQueueQuery {
  @ApiPropertyOptional({ enum: FLAG_STATUSES, default: 'open' })
  @IsOptional()
  @IsIn(FLAG_STATUSES, { message: `status must be one of ${FLAG_STATUSES.join(', ')}` })
  status?: FlagStatus;
}

export class ResolveFlagDto implements ResolveFlagRequest {
  @ApiProperty({ enum: ['uphold', 'dismiss'] })
  @IsIn(['uphold', 'dismiss'], { message: 'decision must be uphold or dismiss' })
  decision!: 'uphold' | 'dismiss';

  @ApiPropertyOptional({ maxLength: MODERATION_REASON_MAX_LENGTH })
  @IsOptional()
  @Trim()
  @IsString({ message: 'reason must be text' })
  @MaxLength(MODERATION_REASON_MAX_LENGTH)
  reason?: string;
}

export class ModeratePostDto implements ModeratePostRequest {
  @ApiProperty({ minLength: 1, maxLength: MODERATION_REASON_MAX_LENGTH })
  @Trim()
  @IsString({ message: 'reason must be text' })
  @Length(1, MODERATION_REASON_MAX_LENGTH, {
    message: `reason must be 1 to ${MODERATION_REASON_MAX_LENGTH} characters`,
  })
  reason!: string;
}

export class ModerateThreadDto implements ModerateThreadRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'pinned must be true or false' })
  pinned?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'locked must be true or false' })
  locked?: boolean;

  @ApiPropertyOptional({ maxLength: MODERATION_REASON_MAX_LENGTH })
  @IsOptional()
  @Trim()
  @IsString({ message: 'reason must be text' })
  @MaxLength(MODERATION_REASON_MAX_LENGTH)
  reason?: string;
}

export class SilenceUserDto implements SilenceUserRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'userId must be a user id' })
  userId!: string;

  @ApiProperty({ minimum: 1, maximum: SILENCE_MAX_MINUTES })
  @IsInt({ message: 'minutes must be a whole number' })
  @Min(1, { message: 'minutes must be at least 1' })
  @Max(SILENCE_MAX_MINUTES, { message: `minutes must be at most ${SILENCE_MAX_MINUTES} (30 days)` })
  minutes!: number;

  @ApiProperty({ minLength: 1, maxLength: MODERATION_REASON_MAX_LENGTH })
  @Trim()
  @IsString({ message: 'reason must be text' })
  @Length(1, MODERATION_REASON_MAX_LENGTH, {
    message: `reason must be 1 to ${MODERATION_REASON_MAX_LENGTH} characters`,
  })
  reason!: string;
}

export class AuditFilterDto {
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS, { message: `action must be one of ${AUDIT_ACTIONS.join(', ')}` })
  action?: AuditAction;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'actorId must be a user id' })
  actorId?: string;
}

export class AuditQueryDto extends PageQueryDto implements AuditQuery {
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS, { message: `action must be one of ${AUDIT_ACTIONS.join(', ')}` })
  action?: AuditAction;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'actorId must be a user id' })
  actorId?: string;
}
