import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MEETING_URL_MAX,
  meetingUrlProblem,
  THEMES,
  WORKSHOP_LANGUAGES,
  WORKSHOP_LIMITS,
  WORKSHOP_LIST_WHEN,
  CREATABLE_WORKSHOP_SCOPES,
  type AddFacilitatorRequest,
  type CreateWorkshopRequest,
  type Theme,
  type UpdateWorkshopRequest,
  type WorkshopLanguage,
  type WorkshopListQuery,
  type WorkshopListWhen,
  type WorkshopMessagesQuery,
  type CreatableWorkshopScope,
} from '@twinning/contracts';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  isUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import { QueryBool, QueryInt, Trim } from '../../common/dto-helpers';
import { PageQueryDto } from '../../common/page-query.dto';

const INT_MAX = 2_147_483_647;
const L = WORKSHOP_LIMITS;

/** ISO 8601 date and time with an explicit offset (`Z` or `±hh:mm`), so no time is read in the server's zone. */
const DATE_TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Validates the field only when it is present: `null` is validated too (and refused by the type check). */
const WhenPresent = () => ValidateIf((_object, value) => value !== undefined);

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

function TitleField(): PropertyDecorator {
  return (target, key) => {
    Trim()(target, key);
    IsString({ message: 'title must be text' })(target, key);
    Length(L.titleMin, L.titleMax, { message: `title must be ${L.titleMin} to ${L.titleMax} characters` })(target, key);
  };
}

function DescriptionField(): PropertyDecorator {
  return (target, key) => {
    IsString({ message: 'description must be text' })(target, key);
    MaxLength(L.descriptionMax, { message: `description must be at most ${L.descriptionMax} characters` })(target, key);
  };
}

function CapacityField(): PropertyDecorator {
  const message = `capacity must be a whole number from 1 to ${L.capacityMax}, or null for no limit`;
  return (target, key) => {
    IsInt({ message })(target, key);
    Min(1, { message })(target, key);
    Max(L.capacityMax, { message })(target, key);
  };
}

/** `partnershipId` is required with scope `partnership` (a partnership id), and refused with any other scope. */
function PartnershipIdField(): PropertyDecorator {
  return ValidateBy({
    name: 'partnershipIdForScope',
    validator: {
      validate: (value, args) =>
        (args?.object as { scope?: unknown }).scope === 'partnership'
          ? typeof value === 'string' && isUUID(value)
          : value === undefined || value === null,
      defaultMessage: (args) => {
        if ((args?.object as { scope?: unknown }).scope !== 'partnership') {
          return 'partnershipId is only accepted when scope is partnership';
        }
        return args?.value === undefined || args.value === null
          ? 'partnershipId is required when scope is partnership'
          : 'partnershipId must be a partnership id';
      },
    },
  });
}

/**
 * An https meeting link (see meetingUrlProblem), or null / "" for none. The message names what is
 * wrong, so a facilitator who pasted an http:// or a made-up link knows what to fix.
 */
function MeetingUrlField(): PropertyDecorator {
  return (target, key) => {
    Trim()(target, key);
    ApiPropertyOptional({
      type: String,
      nullable: true,
      format: 'uri',
      maxLength: MEETING_URL_MAX,
      description: 'https link to a Jitsi, BigBlueButton, Zoom or Teams meeting; null or "" removes it',
    })(target, key);
    IsOptional()(target, key);
    ValidateBy({
      name: 'meetingUrl',
      validator: {
        validate: (value) => value === '' || (typeof value === 'string' && meetingUrlProblem(value) === null),
        defaultMessage: (args) =>
          typeof args?.value === 'string'
            ? (meetingUrlProblem(args.value) ?? 'meetingUrl is not accepted')
            : 'meetingUrl must be a link, or null for none',
      },
    })(target, key);
  };
}

export class CreateWorkshopDto implements CreateWorkshopRequest {
  @ApiProperty({ minLength: L.titleMin, maxLength: L.titleMax })
  @TitleField()
  title!: string;

  @ApiProperty({ maxLength: L.descriptionMax, description: 'Markdown' })
  @DescriptionField()
  description!: string;

  @ApiProperty({ enum: THEMES })
  @IsIn(THEMES, { message: `theme must be one of ${THEMES.join(', ')}` })
  theme!: Theme;

  @ApiProperty({ enum: WORKSHOP_LANGUAGES })
  @IsIn(WORKSHOP_LANGUAGES, { message: `language must be one of ${WORKSHOP_LANGUAGES.join(', ')}` })
  language!: WorkshopLanguage;

  @ApiProperty({ enum: CREATABLE_WORKSHOP_SCOPES })
  @IsIn(CREATABLE_WORKSHOP_SCOPES, { message: `scope must be one of ${CREATABLE_WORKSHOP_SCOPES.join(', ')}` })
  scope!: CreatableWorkshopScope;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'Required when scope is partnership' })
  @PartnershipIdField()
  partnershipId?: string | null;

  @ApiProperty({ format: 'date-time', example: '2027-03-01T14:00:00Z' })
  @DateTimeField('startsAt')
  startsAt!: string;

  @ApiProperty({ format: 'date-time', example: '2027-03-01T15:30:00Z' })
  @DateTimeField('endsAt')
  endsAt!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: L.capacityMax, nullable: true })
  @IsOptional()
  @CapacityField()
  capacity?: number | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: L.facilitatorsMax })
  @IsOptional()
  @IsArray({ message: 'facilitatorIds must be a list of user ids' })
  @ArrayMaxSize(L.facilitatorsMax, { message: `facilitatorIds may name at most ${L.facilitatorsMax} co-facilitators` })
  @ArrayUnique({ message: 'facilitatorIds must not repeat a user' })
  @IsUUID('all', { each: true, message: 'facilitatorIds must each be a user id' })
  facilitatorIds?: string[];

  @MeetingUrlField()
  meetingUrl?: string | null;
}

/** Every field optional; present fields are validated as on create (null only clears the capacity). */
export class UpdateWorkshopDto implements UpdateWorkshopRequest {
  @ApiPropertyOptional({ minLength: L.titleMin, maxLength: L.titleMax })
  @WhenPresent()
  @TitleField()
  title?: string;

  @ApiPropertyOptional({ maxLength: L.descriptionMax, description: 'Markdown' })
  @WhenPresent()
  @DescriptionField()
  description?: string;

  @ApiPropertyOptional({ enum: THEMES })
  @WhenPresent()
  @IsIn(THEMES, { message: `theme must be one of ${THEMES.join(', ')}` })
  theme?: Theme;

  @ApiPropertyOptional({ enum: WORKSHOP_LANGUAGES })
  @WhenPresent()
  @IsIn(WORKSHOP_LANGUAGES, { message: `language must be one of ${WORKSHOP_LANGUAGES.join(', ')}` })
  language?: WorkshopLanguage;

  @ApiPropertyOptional({ format: 'date-time' })
  @WhenPresent()
  @DateTimeField('startsAt')
  startsAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @WhenPresent()
  @DateTimeField('endsAt')
  endsAt?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: L.capacityMax, nullable: true })
  @IsOptional()
  @CapacityField()
  capacity?: number | null;

  @MeetingUrlField()
  meetingUrl?: string | null;
}

export class WorkshopListQueryDto extends PageQueryDto implements WorkshopListQuery {
  @ApiPropertyOptional({ enum: WORKSHOP_LIST_WHEN, default: 'upcoming' })
  @IsOptional()
  @IsIn(WORKSHOP_LIST_WHEN, { message: `when must be one of ${WORKSHOP_LIST_WHEN.join(', ')}` })
  when?: WorkshopListWhen;

  @ApiPropertyOptional({ enum: THEMES })
  @IsOptional()
  @IsIn(THEMES, { message: `theme must be one of ${THEMES.join(', ')}` })
  theme?: Theme;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'partnershipId must be a partnership id' })
  partnershipId?: string;

  @ApiPropertyOptional({ description: 'Only workshops you registered for or facilitate' })
  @IsOptional()
  @QueryBool()
  @IsBoolean({ message: 'mine must be true or false' })
  mine?: boolean;
}

export class AddFacilitatorDto implements AddFacilitatorRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'userId must be a user id' })
  userId!: string;
}

export class FacilitatorSearchQueryDto {
  @ApiPropertyOptional({ description: 'Part of a display name or handle' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'q must be text' })
  @MaxLength(80, { message: 'q must be at most 80 characters' })
  q?: string;
}

export class WorkshopMessagesQueryDto implements WorkshopMessagesQuery {
  @ApiPropertyOptional({ minimum: 1, description: 'Messages with a smaller number (the page just before it)' })
  @IsOptional()
  @QueryInt()
  @IsInt({ message: 'beforeSeq must be a whole number' })
  @Min(1, { message: 'beforeSeq must be at least 1' })
  @Max(INT_MAX)
  beforeSeq?: number;

  @ApiPropertyOptional({ minimum: 0, description: 'Messages with a greater number' })
  @IsOptional()
  @QueryInt()
  @IsInt({ message: 'afterSeq must be a whole number' })
  @Min(0, { message: 'afterSeq must be at least 0' })
  @Max(INT_MAX)
  afterSeq?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: L.historyPageMax, default: L.historyPageDefault })
  @IsOptional()
  @QueryInt()
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: `limit must be 1 to ${L.historyPageMax}` })
  @Max(L.historyPageMax, { message: `limit must be 1 to ${L.historyPageMax}` })
  limit?: number;
}
