import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DISPLAY_NAME_MAX_LENGTH,
  PAGE_SIZE_MAX,
  PLATFORM_ROLES,
  UI_LANGUAGES,
  WORK_LANGUAGES,
  WORK_LANGUAGES_MAX,
  type PlatformRole,
  type WorkLanguage,
  type SetPlatformRoleRequest,
  type UiLanguage,
  type UpdateProfileRequest,
} from '@twinning/contracts';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsTimeZone,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { QueryInt, Trim } from '../../common/dto-helpers';

export class UpdateProfileDto implements UpdateProfileRequest {
  @ApiPropertyOptional({ maxLength: DISPLAY_NAME_MAX_LENGTH })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, DISPLAY_NAME_MAX_LENGTH, { message: `displayName must be 1 to ${DISPLAY_NAME_MAX_LENGTH} characters` })
  displayName?: string;

  @ApiPropertyOptional({ enum: UI_LANGUAGES })
  @IsOptional()
  @IsIn(UI_LANGUAGES)
  preferredLanguage?: UiLanguage;

  @ApiPropertyOptional({ example: 'Asia/Kuala_Lumpur' })
  @IsOptional()
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Europe/Amsterdam' })
  timeZone?: string;

  @ApiPropertyOptional({ enum: WORK_LANGUAGES, isArray: true, maxItems: WORK_LANGUAGES_MAX })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(WORK_LANGUAGES_MAX)
  @IsIn(WORK_LANGUAGES, { each: true, message: 'languages must be ISO 639-1 codes from the list' })
  languages?: WorkLanguage[];
}

export class SetPlatformRoleDto implements SetPlatformRoleRequest {
  @ApiProperty({ enum: PLATFORM_ROLES, isArray: true, description: 'The whole set; empty for a member' })
  @IsArray()
  @ArrayUnique()
  @IsIn(PLATFORM_ROLES, { each: true })
  roles!: PlatformRole[];
}

export class AdminUserQueryDto {
  @ApiPropertyOptional({ description: 'Matches name or email' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: PAGE_SIZE_MAX })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(PAGE_SIZE_MAX)
  limit?: number;
}
