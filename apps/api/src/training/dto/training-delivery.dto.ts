import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  TRAINING_LIMITS,
  WORKSHOP_LANGUAGES,
  type MarkTrainingAttendanceRequest,
  type ScheduleTrainingRequest,
  type TrainingEvaluationAnswer,
  type WorkshopLanguage,
} from '@twinning/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Trim } from '../../common/dto-helpers';

const L = TRAINING_LIMITS;
/** ISO 8601 date and time with an explicit offset, so no time is read in the server's zone. */
const DATE_TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

function DateTimeField(name: string): PropertyDecorator {
  const message = `${name} must be an ISO 8601 date and time with an offset, e.g. 2027-03-01T14:00:00Z`;
  return (target, key) => {
    IsString({ message })(target, key);
    Matches(DATE_TIME_WITH_OFFSET, { message, context: { text: 'dateTimeWithOffset' } })(target, key);
    IsISO8601({ strict: true, strictSeparator: true }, { message, context: { text: 'dateTimeWithOffset' } })(
      target,
      key,
    );
  };
}

export class TrainingSessionInputDto {
  @ApiPropertyOptional({ maxLength: L.sessionTitleMax, description: "Defaults to the request's title" })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(L.sessionTitleMax)
  title?: string;

  @ApiProperty({ format: 'date-time', example: '2027-03-10T09:00:00Z' })
  @DateTimeField('startsAt')
  startsAt!: string;

  @ApiProperty({ format: 'date-time', example: '2027-03-10T11:00:00Z' })
  @DateTimeField('endsAt')
  endsAt!: string;
}

export class ScheduleTrainingDto implements ScheduleTrainingRequest {
  @ApiPropertyOptional({ type: [TrainingSessionInputDto], description: 'Live online and in person' })
  @IsOptional()
  @IsArray({ message: 'sessions must be a list' })
  @ArrayMaxSize(L.sessionsMax, { message: `at most ${L.sessionsMax} sessions` })
  @ValidateNested({ each: true })
  @Type(() => TrainingSessionInputDto)
  sessions?: TrainingSessionInputDto[];

  @ApiPropertyOptional({ enum: WORKSHOP_LANGUAGES, description: "Live online; defaults to the offer's language" })
  @IsOptional()
  @IsIn(WORKSHOP_LANGUAGES, { message: `language must be one of ${WORKSHOP_LANGUAGES.join(', ')}` })
  language?: WorkshopLanguage;

  @ApiPropertyOptional({ maxLength: L.placeMax, description: 'In person' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(L.placeMax)
  place?: string;

  @ApiPropertyOptional({ format: 'date', description: "Self paced: the last day, in the request's time zone" })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'deadline must be a date (YYYY-MM-DD)' })
  @Length(10, 10, { message: 'deadline must be a date (YYYY-MM-DD)' })
  deadline?: string;
}

export class AttendanceEntryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'userId must be a user id' })
  userId!: string;

  @ApiProperty()
  @IsBoolean({ message: 'present must be true or false' })
  present!: boolean;
}

export class MarkTrainingAttendanceDto implements MarkTrainingAttendanceRequest {
  @ApiProperty({ type: [AttendanceEntryDto], minItems: 1, maxItems: L.officialsMax })
  @IsArray({ message: 'entries must be a list' })
  @ArrayMinSize(1, { message: 'mark at least one official' })
  @ArrayMaxSize(L.officialsMax)
  @ValidateNested({ each: true })
  @Type(() => AttendanceEntryDto)
  entries!: AttendanceEntryDto[];
}

export class TrainingEvaluationDtoIn implements TrainingEvaluationAnswer {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt({ message: 'overall must be a whole number from 1 to 5' })
  @Min(1)
  @Max(5)
  overall!: number;

  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt({ message: 'relevance must be a whole number from 1 to 5' })
  @Min(1)
  @Max(5)
  relevance!: number;

  @ApiProperty()
  @IsBoolean({ message: 'willApply must be true or false' })
  willApply!: boolean;

  @ApiPropertyOptional({ maxLength: L.improveMax })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(L.improveMax)
  improve?: string;
}
