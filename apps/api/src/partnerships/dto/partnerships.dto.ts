import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  MILESTONE_STATUSES,
  PAGE_SIZE_MAX,
  PARTNERSHIP_GOALS_MAX_LENGTH,
  PARTNERSHIP_MESSAGE_MAX_LENGTH,
  PARTNERSHIP_STATUSES,
  PARTNERSHIP_TITLE_MAX_LENGTH,
  REGIONS,
  THEMES,
  type ConcludePartnershipRequest,
  type CreateMilestoneRequest,
  type DecideInvitationRequest,
  type InviteCityRequest,
  type MatchQuery,
  type MilestoneStatus,
  type PartnershipListQuery,
  type PartnershipStatus,
  type ProposePartnershipRequest,
  type Region,
  type Theme,
  type UpdateMilestoneRequest,
  type UpdatePartnershipRequest,
} from '@twinning/contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { QueryInt, Trim } from '../../common/dto-helpers';
import { PageQueryDto } from '../../common/page-query.dto';

const THEME_MESSAGE = `each theme must be one of ${THEMES.join(', ')}`;

export class PartnershipListQueryDto extends PageQueryDto implements PartnershipListQuery {
  @ApiPropertyOptional({ enum: PARTNERSHIP_STATUSES })
  @IsOptional()
  @IsIn(PARTNERSHIP_STATUSES, { message: `status must be one of ${PARTNERSHIP_STATUSES.join(', ')}` })
  status?: PartnershipStatus;
}

export class ProposePartnershipDto implements ProposePartnershipRequest {
  @ApiProperty({ format: 'uuid', description: 'Your city, on whose behalf you propose' })
  @IsUUID('all', { message: 'fromCityId must be a city id' })
  fromCityId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'toCityId must be a city id' })
  toCityId!: string;

  @ApiPropertyOptional({ maxLength: PARTNERSHIP_TITLE_MAX_LENGTH })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(PARTNERSHIP_TITLE_MAX_LENGTH)
  title?: string;

  @ApiProperty({ enum: THEMES, isArray: true, minItems: 1 })
  @IsArray()
  @ArrayMinSize(1, { message: 'choose at least one theme' })
  @ArrayMaxSize(THEMES.length)
  @ArrayUnique()
  @IsIn(THEMES, { each: true, message: THEME_MESSAGE })
  themes!: Theme[];

  @ApiProperty({ maxLength: PARTNERSHIP_GOALS_MAX_LENGTH })
  @Trim()
  @IsString()
  @Length(1, PARTNERSHIP_GOALS_MAX_LENGTH, { message: 'describe the goals (at most 4000 characters)' })
  goals!: string;

  @ApiPropertyOptional({ maxLength: PARTNERSHIP_MESSAGE_MAX_LENGTH })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(PARTNERSHIP_MESSAGE_MAX_LENGTH)
  message?: string;
}

export class UpdatePartnershipDto implements UpdatePartnershipRequest {
  @ApiPropertyOptional({ maxLength: PARTNERSHIP_TITLE_MAX_LENGTH })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, PARTNERSHIP_TITLE_MAX_LENGTH)
  title?: string;

  @ApiPropertyOptional({ enum: THEMES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'choose at least one theme' })
  @ArrayMaxSize(THEMES.length)
  @ArrayUnique()
  @IsIn(THEMES, { each: true, message: THEME_MESSAGE })
  themes?: Theme[];

  @ApiPropertyOptional({ maxLength: PARTNERSHIP_GOALS_MAX_LENGTH })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, PARTNERSHIP_GOALS_MAX_LENGTH)
  goals?: string;
}

export class InviteCityDto implements InviteCityRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'cityId must be a city id' })
  cityId!: string;

  @ApiPropertyOptional({ maxLength: PARTNERSHIP_MESSAGE_MAX_LENGTH })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(PARTNERSHIP_MESSAGE_MAX_LENGTH)
  message?: string;
}

export class DecideInvitationDto implements DecideInvitationRequest {
  @ApiProperty({ enum: ['accept', 'decline'] })
  @IsIn(['accept', 'decline'], { message: 'decision must be accept or decline' })
  decision!: 'accept' | 'decline';

  @ApiPropertyOptional({ maxLength: PARTNERSHIP_MESSAGE_MAX_LENGTH })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(PARTNERSHIP_MESSAGE_MAX_LENGTH)
  note?: string;
}

export class NoteDto implements ConcludePartnershipRequest {
  @ApiPropertyOptional({ maxLength: PARTNERSHIP_MESSAGE_MAX_LENGTH })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(PARTNERSHIP_MESSAGE_MAX_LENGTH)
  note?: string;
}

export class CreateMilestoneDto implements CreateMilestoneRequest {
  @ApiProperty({ maxLength: 200 })
  @Trim()
  @IsString()
  @Length(1, 200, { message: 'title must be 1 to 200 characters' })
  title!: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'ownerId must be a user id' })
  ownerId?: string | null;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'dueDate must be a date (YYYY-MM-DD)' })
  @Length(10, 10, { message: 'dueDate must be a date (YYYY-MM-DD)' })
  dueDate?: string | null;

  @ApiPropertyOptional({ enum: MILESTONE_STATUSES })
  @IsOptional()
  @IsIn(MILESTONE_STATUSES, { message: `status must be one of ${MILESTONE_STATUSES.join(', ')}` })
  status?: MilestoneStatus;
}

/** Every field optional; null clears the owner or the due date. */
export class UpdateMilestoneDto extends PartialType(CreateMilestoneDto) implements UpdateMilestoneRequest {}

export class MatchQueryDto implements MatchQuery {
  @ApiPropertyOptional({ enum: REGIONS })
  @IsOptional()
  @IsIn(REGIONS, { message: `region must be one of ${REGIONS.join(', ')}` })
  region?: Region;

  @ApiPropertyOptional({ enum: THEMES })
  @IsOptional()
  @IsIn(THEMES, { message: `theme must be one of ${THEMES.join(', ')}` })
  theme?: Theme;

  @ApiPropertyOptional({ minimum: 1, maximum: PAGE_SIZE_MAX, default: 20 })
  @IsOptional()
  @QueryInt()
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(PAGE_SIZE_MAX)
  limit?: number;
}
