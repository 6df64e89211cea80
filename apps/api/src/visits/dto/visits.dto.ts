import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import {
  POLL_ANSWERS,
  THEMES,
  VISIT_LIMITS,
  VISIT_STATUSES,
  type ActionToMilestoneRequest,
  type AgendaItemRequest,
  type CreateVisitRequest,
  type DateRangeInput,
  type PickDateRequest,
  type PollAnswer,
  type Theme,
  type TransitionVisitRequest,
  type UpdateVisitRequest,
  type VisitListQuery,
  type VisitRegistrationRequest,
  type VisitReportRequest,
  type VisitStatus,
  type VisitVoteRequest,
} from '@twinning/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Trim } from '../../common/dto-helpers';
import { PageQueryDto } from '../../common/page-query.dto';

const THEME_MESSAGE = `each theme must be one of ${THEMES.join(', ')}`;
const DATE_MESSAGE = (field: string) => `${field} must be a date (YYYY-MM-DD)`;
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const LOCAL_MESSAGE = (field: string) => `${field} must be a local time like 2027-03-14T09:00`;

export class DateRangeDto implements DateRangeInput {
  @ApiProperty({ format: 'date' })
  @IsISO8601({ strict: true, strictSeparator: true }, { message: DATE_MESSAGE('startDate') })
  @Length(10, 10, { message: DATE_MESSAGE('startDate') })
  startDate!: string;

  @ApiProperty({ format: 'date' })
  @IsISO8601({ strict: true, strictSeparator: true }, { message: DATE_MESSAGE('endDate') })
  @Length(10, 10, { message: DATE_MESSAGE('endDate') })
  endDate!: string;
}

export class CreateVisitDto implements CreateVisitRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'partnershipId must be a partnership id' })
  partnershipId!: string;

  @ApiProperty({ format: 'uuid', description: 'A member city of the partnership; the visit keeps its time zone' })
  @IsUUID('all', { message: 'hostCityId must be a city id' })
  hostCityId!: string;

  @ApiProperty({ minLength: VISIT_LIMITS.titleMin, maxLength: VISIT_LIMITS.titleMax })
  @Trim()
  @IsString()
  @Length(VISIT_LIMITS.titleMin, VISIT_LIMITS.titleMax, {
    message: `title must be ${VISIT_LIMITS.titleMin} to ${VISIT_LIMITS.titleMax} characters`,
  })
  title!: string;

  @ApiPropertyOptional({ maxLength: VISIT_LIMITS.purposeMax, description: 'Markdown' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(VISIT_LIMITS.purposeMax)
  purpose?: string;

  @ApiProperty({ enum: THEMES, isArray: true, minItems: 1 })
  @IsArray()
  @ArrayMinSize(1, { message: 'choose at least one theme' })
  @ArrayMaxSize(THEMES.length)
  @ArrayUnique()
  @IsIn(THEMES, { each: true, message: THEME_MESSAGE })
  themes!: Theme[];

  @ApiProperty({ minimum: 1, maximum: VISIT_LIMITS.capacityMax })
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(1, { message: 'capacity must be at least 1' })
  @Max(VISIT_LIMITS.capacityMax, { message: `capacity must be at most ${VISIT_LIMITS.capacityMax}` })
  capacity!: number;

  @ApiPropertyOptional({ format: 'date-time', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsISO8601({ strict: true }, { message: 'registrationDeadline must be an ISO 8601 date and time' })
  registrationDeadline?: string | null;

  @ApiPropertyOptional({ type: DateRangeDto, nullable: true, description: 'Fixed dates, or…' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsObject({ message: 'dates must be an object with startDate and endDate' })
  @ValidateNested()
  @Type(() => DateRangeDto)
  dates?: DateRangeDto | null;

  @ApiPropertyOptional({
    type: [DateRangeDto],
    minItems: VISIT_LIMITS.pollOptionsMin,
    maxItems: VISIT_LIMITS.pollOptionsMax,
    description: '…a date poll (exactly one of the two)',
  })
  @IsOptional()
  @IsArray({ message: 'dateOptions must be a list of date ranges' })
  @ArrayMinSize(VISIT_LIMITS.pollOptionsMin, {
    message: `a date poll needs at least ${VISIT_LIMITS.pollOptionsMin} options`,
  })
  @ArrayMaxSize(VISIT_LIMITS.pollOptionsMax, {
    message: `a date poll has at most ${VISIT_LIMITS.pollOptionsMax} options`,
  })
  @ValidateNested({ each: true })
  @Type(() => DateRangeDto)
  dateOptions?: DateRangeDto[];
}

export class UpdateVisitDto
  extends PartialType(PickType(CreateVisitDto, ['title', 'purpose', 'themes', 'capacity', 'registrationDeadline']))
  implements UpdateVisitRequest {}

export class TransitionVisitDto implements TransitionVisitRequest {
  @ApiProperty({ enum: VISIT_STATUSES })
  @IsIn(VISIT_STATUSES, { message: `status must be one of ${VISIT_STATUSES.join(', ')}` })
  status!: VisitStatus;

  @ApiPropertyOptional({ maxLength: VISIT_LIMITS.cancelReasonMax, description: 'Required when cancelling' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(VISIT_LIMITS.cancelReasonMax, {
    message: `reason must be at most ${VISIT_LIMITS.cancelReasonMax} characters`,
  })
  reason?: string;
}

export class VoteAnswerDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'optionId must be a date option id' })
  optionId!: string;

  @ApiProperty({ enum: POLL_ANSWERS })
  @IsIn(POLL_ANSWERS, { message: `answer must be one of ${POLL_ANSWERS.join(', ')}` })
  answer!: PollAnswer;
}

export class VisitVoteDto implements VisitVoteRequest {
  @ApiProperty({ type: [VoteAnswerDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'answer at least one option' })
  @ArrayMaxSize(VISIT_LIMITS.pollOptionsMax)
  @ValidateNested({ each: true })
  @Type(() => VoteAnswerDto)
  answers!: VoteAnswerDto[];
}

export class PickDateDto implements PickDateRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'optionId must be a date option id' })
  optionId!: string;
}

export class AgendaItemBodyDto implements AgendaItemRequest {
  @ApiProperty({ example: '2027-03-14T09:00', description: "Host-local wall time in the visit's time zone" })
  @IsString()
  @Matches(LOCAL_TIME, { message: LOCAL_MESSAGE('startsLocal'), context: { text: 'localDateTime' } })
  startsLocal!: string;

  @ApiProperty({ example: '2027-03-14T10:30' })
  @IsString()
  @Matches(LOCAL_TIME, { message: LOCAL_MESSAGE('endsLocal'), context: { text: 'localDateTime' } })
  endsLocal!: string;

  @ApiProperty({ maxLength: VISIT_LIMITS.agendaTextMax })
  @Trim()
  @IsString()
  @Length(1, VISIT_LIMITS.agendaTextMax, { message: `title must be 1 to ${VISIT_LIMITS.agendaTextMax} characters` })
  title!: string;

  @ApiPropertyOptional({ maxLength: VISIT_LIMITS.agendaTextMax })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(VISIT_LIMITS.agendaTextMax)
  site?: string;

  @ApiPropertyOptional({ maxLength: VISIT_LIMITS.agendaTextMax })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(VISIT_LIMITS.agendaTextMax)
  address?: string;

  @ApiPropertyOptional({ maxLength: VISIT_LIMITS.agendaTextMax })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(VISIT_LIMITS.agendaTextMax)
  hostContact?: string;

  @ApiPropertyOptional({ maxLength: VISIT_LIMITS.agendaNotesMax, description: 'Markdown' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(VISIT_LIMITS.agendaNotesMax)
  notes?: string;
}

export class UpdateAgendaItemBodyDto extends PartialType(AgendaItemBodyDto) {}

export class VisitListQueryDto extends PageQueryDto implements VisitListQuery {
  @ApiPropertyOptional({ enum: ['upcoming', 'past'] })
  @IsOptional()
  @IsIn(['upcoming', 'past'], { message: 'when must be upcoming or past' })
  when?: 'upcoming' | 'past';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'partnershipId must be a partnership id' })
  partnershipId?: string;

  @ApiPropertyOptional({ example: '2027-03', description: "Visits overlapping this month, in the host's calendar" })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must look like 2027-03', context: { text: 'yearMonth' } })
  month?: string;
}

export class VisitRegistrationDto implements VisitRegistrationRequest {
  @ApiPropertyOptional({ minimum: 0, maximum: VISIT_LIMITS.accompanyingMax, default: 0 })
  @IsOptional()
  @IsInt({ message: 'accompanying must be a whole number' })
  @Min(0, { message: 'accompanying cannot be negative' })
  @Max(VISIT_LIMITS.accompanyingMax, {
    message: `accompanying must be at most ${VISIT_LIMITS.accompanyingMax}`,
  })
  accompanying?: number;

  @ApiPropertyOptional({ maxLength: VISIT_LIMITS.needsMax })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(VISIT_LIMITS.needsMax)
  dietary?: string;

  @ApiPropertyOptional({ maxLength: VISIT_LIMITS.needsMax })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(VISIT_LIMITS.needsMax)
  accessibility?: string;
}

export class ReportActionBodyDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'An existing action to keep (and its milestone link)' })
  @IsOptional()
  @IsUUID('all', { message: 'id must be an action id' })
  id?: string;

  @ApiProperty({ maxLength: VISIT_LIMITS.agendaTextMax })
  @Trim()
  @IsString()
  @Length(1, VISIT_LIMITS.agendaTextMax, { message: `title must be 1 to ${VISIT_LIMITS.agendaTextMax} characters` })
  title!: string;

  @ApiPropertyOptional({ maxLength: VISIT_LIMITS.agendaNotesMax })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(VISIT_LIMITS.agendaNotesMax)
  description?: string;
}

export class VisitReportBodyDto implements VisitReportRequest {
  @ApiProperty({ maxLength: VISIT_LIMITS.reportSectionMax, description: 'Markdown: what was seen' })
  @Trim()
  @IsString()
  @MaxLength(VISIT_LIMITS.reportSectionMax)
  seen!: string;

  @ApiProperty({ maxLength: VISIT_LIMITS.reportSectionMax, description: 'Markdown: practices worth transferring' })
  @Trim()
  @IsString()
  @MaxLength(VISIT_LIMITS.reportSectionMax)
  practices!: string;

  @ApiProperty({ type: [ReportActionBodyDto], maxItems: VISIT_LIMITS.reportActionsMax })
  @IsArray()
  @ArrayMaxSize(VISIT_LIMITS.reportActionsMax, {
    message: `a report has at most ${VISIT_LIMITS.reportActionsMax} actions`,
  })
  @ValidateNested({ each: true })
  @Type(() => ReportActionBodyDto)
  actions!: ReportActionBodyDto[];
}

export class ActionToMilestoneDto implements ActionToMilestoneRequest {
  @ApiPropertyOptional({ format: 'date', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsISO8601({ strict: true, strictSeparator: true }, { message: DATE_MESSAGE('dueDate') })
  @Length(10, 10, { message: DATE_MESSAGE('dueDate') })
  dueDate?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'ownerId must be a user id' })
  ownerId?: string | null;
}
