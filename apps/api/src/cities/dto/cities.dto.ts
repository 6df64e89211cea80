import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  CITY_ROLES,
  IMMIGRATION_PROFILES,
  JOIN_REQUEST_STATUSES,
  REGIONS,
  THEMES,
  TRAINING_SKILLS,
  type CityListQuery,
  type CityRole,
  type CreateCityRequest,
  type DecideJoinRequest,
  type ImmigrationProfile,
  type JoinCityRequest,
  type JoinRequestStatus,
  type Region,
  type SetCityRoleRequest,
  type Theme,
  type TrainingSkill,
} from '@twinning/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  IsTimeZone,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Trim } from '../../common/dto-helpers';
import { PageQueryDto } from '../../common/page-query.dto';

export { PageQueryDto };

export class CityListQueryDto extends PageQueryDto implements CityListQuery {
  @ApiPropertyOptional({ enum: REGIONS })
  @IsOptional()
  @IsIn(REGIONS, { message: `region must be one of ${REGIONS.join(', ')}` })
  region?: Region;

  @ApiPropertyOptional({ enum: IMMIGRATION_PROFILES })
  @IsOptional()
  @IsIn(IMMIGRATION_PROFILES, { message: `profile must be one of ${IMMIGRATION_PROFILES.join(', ')}` })
  profile?: ImmigrationProfile;

  @ApiPropertyOptional({ enum: THEMES })
  @IsOptional()
  @IsIn(THEMES, { message: `theme must be one of ${THEMES.join(', ')}` })
  theme?: Theme;

  @ApiPropertyOptional({ description: 'Free text over name and description' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class CreateCityDto implements CreateCityRequest {
  @ApiProperty({ example: 'Da Nang' })
  @Trim()
  @IsString()
  @Length(1, 120)
  name!: string;

  @ApiProperty({ example: 'VN', description: 'ISO 3166-1 alpha-2' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsISO31661Alpha2({ message: 'countryCode must be an ISO 3166-1 alpha-2 code such as CA or VN' })
  countryCode!: string;

  @ApiProperty({ enum: REGIONS })
  @IsIn(REGIONS, { message: `region must be one of ${REGIONS.join(', ')}` })
  region!: Region;

  @ApiProperty({ enum: IMMIGRATION_PROFILES })
  @IsIn(IMMIGRATION_PROFILES, { message: `immigrationProfile must be one of ${IMMIGRATION_PROFILES.join(', ')}` })
  immigrationProfile!: ImmigrationProfile;

  @ApiProperty({ example: 1_220_000 })
  @IsInt({ message: 'population must be a whole number' })
  @Min(0)
  @Max(100_000_000)
  population!: number;

  @ApiProperty({ example: ['vi', 'en'], description: 'BCP 47 language tags' })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, {
    each: true,
    context: { text: 'languageTag' },
    message: 'languages must be language tags such as en, fr or zh-Hant',
  })
  languages!: string[];

  @ApiProperty({ example: 'Asia/Ho_Chi_Minh' })
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Asia/Ho_Chi_Minh' })
  timeZone!: string;

  @ApiProperty({ enum: THEMES, isArray: true })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(THEMES.length)
  @IsIn(THEMES, { each: true, message: `themes must each be one of ${THEMES.join(', ')}` })
  themes!: Theme[];

  @ApiProperty({ maxLength: 5000 })
  @Trim()
  @IsString()
  @MaxLength(5000)
  description!: string;

  @ApiPropertyOptional({ enum: TRAINING_SKILLS, isArray: true, description: 'Training expertise the city offers' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(TRAINING_SKILLS.length)
  @IsIn(TRAINING_SKILLS, { each: true, message: `trainingSkills must each be one of ${TRAINING_SKILLS.join(', ')}` })
  trainingSkills?: TrainingSkill[];
}

export class UpdateCityDto extends PartialType(CreateCityDto) {}

export class JoinCityDto implements JoinCityRequest {
  @ApiPropertyOptional({ maxLength: 1000, description: 'Who you are and your role in the city administration' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  message?: string;
}

export class JoinRequestQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: JOIN_REQUEST_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(JOIN_REQUEST_STATUSES)
  status?: JoinRequestStatus;
}

export class DecideJoinRequestDto implements DecideJoinRequest {
  @ApiProperty({ enum: ['approve', 'reject'] })
  @IsIn(['approve', 'reject'], { message: 'decision must be approve or reject' })
  decision!: 'approve' | 'reject';
}

export class SetCityRoleDto implements SetCityRoleRequest {
  @ApiProperty({ enum: CITY_ROLES })
  @IsIn(CITY_ROLES, { message: `role must be one of ${CITY_ROLES.join(', ')}` })
  role!: CityRole;
}
