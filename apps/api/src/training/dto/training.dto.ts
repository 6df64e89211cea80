import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  THEMES,
  TRAINING_FORMATS,
  TRAINING_LIMITS,
  TRAINING_REQUEST_STATUSES,
  TRAINING_SKILLS,
  WORK_LANGUAGES,
  type CreateTrainingOfferRequest,
  type CreateTrainingRequest,
  type Theme,
  type TrainingFormat,
  type TrainingRequestListQuery,
  type TrainingRequestStatus,
  type TrainingSkill,
  type WithdrawTrainingRequest,
  type WorkLanguage,
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
  IsTimeZone,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Trim } from '../../common/dto-helpers';
import { PageQueryDto } from '../../common/page-query.dto';

const DATE_MESSAGE = (field: string) => `${field} must be a date (YYYY-MM-DD)`;
const L = TRAINING_LIMITS;

export class TrainingRequestListQueryDto extends PageQueryDto implements TrainingRequestListQuery {
  @ApiPropertyOptional({ enum: TRAINING_REQUEST_STATUSES })
  @IsOptional()
  @IsIn(TRAINING_REQUEST_STATUSES, { message: `status must be one of ${TRAINING_REQUEST_STATUSES.join(', ')}` })
  status?: TrainingRequestStatus;
}

/** `GET /training/offers/mine`: a page of the viewer's own offers. */
export class MyTrainingOffersQueryDto extends PageQueryDto {}

export class CreateTrainingRequestDto implements CreateTrainingRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'The requesting city (or give partnershipId)' })
  @IsOptional()
  @IsUUID('all', { message: 'cityId must be a city id' })
  cityId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The requesting partnership, for all its cities' })
  @IsOptional()
  @IsUUID('all', { message: 'partnershipId must be a partnership id' })
  partnershipId?: string;

  @ApiProperty({ minLength: L.titleMin, maxLength: L.titleMax })
  @Trim()
  @IsString()
  @Length(L.titleMin, L.titleMax, { message: `title must be ${L.titleMin} to ${L.titleMax} characters` })
  title!: string;

  @ApiProperty({ enum: THEMES, isArray: true })
  @IsArray()
  @ArrayMaxSize(THEMES.length)
  @ArrayUnique()
  @IsIn(THEMES, { each: true, message: `each theme must be one of ${THEMES.join(', ')}` })
  themes!: Theme[];

  @ApiProperty({ enum: TRAINING_SKILLS, isArray: true, minItems: 1 })
  @IsArray()
  @ArrayMinSize(1, { message: 'choose at least one skill' })
  @ArrayMaxSize(TRAINING_SKILLS.length)
  @ArrayUnique()
  @IsIn(TRAINING_SKILLS, { each: true, message: `each skill must be one of ${TRAINING_SKILLS.join(', ')}` })
  skills!: TrainingSkill[];

  @ApiProperty({ type: [String], maxItems: L.audienceRolesMax, example: ['front-desk staff', 'case managers'] })
  @IsArray()
  @ArrayMaxSize(L.audienceRolesMax)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, L.audienceRoleMax, { each: true })
  audienceRoles!: string[];

  @ApiProperty({ minimum: 1, maximum: L.headCountMax })
  @IsInt({ message: 'headCount must be a whole number' })
  @Min(1)
  @Max(L.headCountMax)
  headCount!: number;

  @ApiProperty({ type: [String], format: 'uuid', maxItems: L.officialsMax })
  @IsArray()
  @ArrayMaxSize(L.officialsMax)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'officialIds must be user ids' })
  officialIds!: string[];

  @ApiProperty({ enum: WORK_LANGUAGES, isArray: true, minItems: 1, maxItems: L.languagesMax })
  @IsArray()
  @ArrayMinSize(1, { message: 'choose at least one language' })
  @ArrayMaxSize(L.languagesMax)
  @ArrayUnique()
  @IsIn(WORK_LANGUAGES, { each: true, message: 'languages must be ISO 639-1 codes such as en or fr' })
  languages!: WorkLanguage[];

  @ApiProperty({ enum: TRAINING_FORMATS })
  @IsIn(TRAINING_FORMATS, { message: `format must be one of ${TRAINING_FORMATS.join(', ')}` })
  format!: TrainingFormat;

  @ApiProperty({ format: 'date', description: "First preferred day, in the requester's time zone" })
  @IsISO8601({ strict: true, strictSeparator: true }, { message: DATE_MESSAGE('preferredStart') })
  @Length(10, 10, { message: DATE_MESSAGE('preferredStart') })
  preferredStart!: string;

  @ApiProperty({ format: 'date', description: "Last preferred day, in the requester's time zone" })
  @IsISO8601({ strict: true, strictSeparator: true }, { message: DATE_MESSAGE('preferredEnd') })
  @Length(10, 10, { message: DATE_MESSAGE('preferredEnd') })
  preferredEnd!: string;

  @ApiPropertyOptional({ example: 'Asia/Ho_Chi_Minh', description: "Defaults to the requesting city's zone" })
  @IsOptional()
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Asia/Ho_Chi_Minh' })
  timeZone?: string;

  @ApiPropertyOptional({ maxLength: L.notesMax })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(L.notesMax)
  notes?: string;
}

export class CreateTrainingOfferDto implements CreateTrainingOfferRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'An expert city you coordinate; omit to offer as a facilitator' })
  @IsOptional()
  @IsUUID('all', { message: 'cityId must be a city id' })
  cityId?: string;

  @ApiProperty({ minLength: L.approachMin, maxLength: L.approachMax })
  @Trim()
  @IsString()
  @Length(L.approachMin, L.approachMax, {
    message: `approach must be ${L.approachMin} to ${L.approachMax} characters`,
  })
  approach!: string;

  @ApiProperty({ enum: TRAINING_FORMATS })
  @IsIn(TRAINING_FORMATS, { message: `format must be one of ${TRAINING_FORMATS.join(', ')}` })
  format!: TrainingFormat;

  @ApiProperty({ type: [String], format: 'date', minItems: 1, maxItems: L.proposedDatesMax })
  @IsArray()
  @ArrayMinSize(1, { message: 'propose at least one date' })
  @ArrayMaxSize(L.proposedDatesMax)
  @ArrayUnique()
  @IsISO8601({ strict: true, strictSeparator: true }, { each: true, message: DATE_MESSAGE('proposedDates') })
  @Length(10, 10, { each: true, message: DATE_MESSAGE('proposedDates') })
  proposedDates!: string[];

  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: L.trainersMax })
  @IsArray()
  @ArrayMinSize(1, { message: 'name at least one trainer' })
  @ArrayMaxSize(L.trainersMax)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'trainerIds must be user ids' })
  trainerIds!: string[];

  @ApiProperty({ enum: WORK_LANGUAGES })
  @IsIn(WORK_LANGUAGES, { message: 'language must be an ISO 639-1 code such as en or fr' })
  language!: WorkLanguage;

  @ApiPropertyOptional({ format: 'uuid', description: 'Self-paced offers only (required there): a published course' })
  @IsOptional()
  @IsUUID('all', { message: 'courseId must be a course id' })
  courseId?: string;
}

export class WithdrawTrainingRequestDto implements WithdrawTrainingRequest {
  @ApiPropertyOptional({ maxLength: L.withdrawReasonMax })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(L.withdrawReasonMax)
  reason?: string;
}
