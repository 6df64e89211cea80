import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  NOTIFICATION_LEVELS,
  PAGE_SIZE_MAX,
  POST_BODY_MAX_LENGTH,
  POST_LANGUAGES,
  THEMES,
  THREAD_TITLE_MAX_LENGTH,
  THREAD_TITLE_MIN_LENGTH,
  type CreatePostRequest,
  type CreateThreadRequest,
  type EditPostRequest,
  type MarkReadRequest,
  type NotificationLevel,
  type PostLanguage,
  type PostListQuery,
  type PreviewRequest,
  type SearchQuery,
  type SetNotificationLevelRequest,
  type Theme,
  type ThreadListQuery,
} from '@twinning/contracts';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { QueryInt, Trim } from '../../common/dto-helpers';
import { PageQueryDto } from '../../common/page-query.dto';

/** Themes a thread may carry. */
export const THREAD_THEMES_MAX = 5;
const INT_MAX = 2_147_483_647;

/** The language a post or thread is written in (optional: the author's interface language). */
function PostLanguageField(): PropertyDecorator {
  return (target, key) => {
    ApiPropertyOptional({ enum: POST_LANGUAGES, description: "Defaults to the author's interface language" })(
      target,
      key,
    );
    IsOptional()(target, key);
    IsIn(POST_LANGUAGES, { message: `language must be one of ${POST_LANGUAGES.join(', ')}` })(target, key);
  };
}

/** A post body: markdown, not blank, at most POST_BODY_MAX_LENGTH characters. */
function PostBody(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ maxLength: POST_BODY_MAX_LENGTH, description: 'Markdown' })(target, key);
    IsString({ message: 'body must be text' })(target, key);
    Length(1, POST_BODY_MAX_LENGTH, { message: `body must be 1 to ${POST_BODY_MAX_LENGTH} characters` })(target, key);
    Matches(/\S/, { message: 'body must not be blank', context: { text: 'notBlank' } })(target, key);
  };
}

export class CreateThreadDto implements CreateThreadRequest {
  @ApiProperty({ minLength: THREAD_TITLE_MIN_LENGTH, maxLength: THREAD_TITLE_MAX_LENGTH })
  @Trim()
  @IsString({ message: 'title must be text' })
  @Length(THREAD_TITLE_MIN_LENGTH, THREAD_TITLE_MAX_LENGTH, {
    message: `title must be ${THREAD_TITLE_MIN_LENGTH} to ${THREAD_TITLE_MAX_LENGTH} characters`,
  })
  title!: string;

  @PostBody()
  body!: string;

  @ApiPropertyOptional({ enum: THEMES, isArray: true, maxItems: THREAD_THEMES_MAX })
  @IsOptional()
  @IsArray({ message: 'themes must be a list' })
  @ArrayMaxSize(THREAD_THEMES_MAX, { message: `themes may hold at most ${THREAD_THEMES_MAX} themes` })
  @ArrayUnique({ message: 'themes must not repeat' })
  @IsIn(THEMES, { each: true, message: `themes must each be one of ${THEMES.join(', ')}` })
  themes?: Theme[];

  @PostLanguageField()
  language?: PostLanguage;
}

export class CreatePostDto implements CreatePostRequest {
  @PostBody()
  body!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A post of the same thread' })
  @IsOptional()
  @IsUUID('all', { message: 'quotePostId must be the id of a post in this thread' })
  quotePostId?: string;

  @PostLanguageField()
  language?: PostLanguage;
}

export class EditPostDto implements EditPostRequest {
  @PostBody()
  body!: string;
}

export class PreviewDto implements PreviewRequest {
  @PostBody()
  body!: string;
}

export class MarkReadDto implements MarkReadRequest {
  @ApiProperty({ minimum: 0 })
  @IsInt({ message: 'lastReadSeq must be a whole number' })
  @Min(0)
  @Max(INT_MAX)
  lastReadSeq!: number;
}

export class SetNotificationLevelDto implements SetNotificationLevelRequest {
  @ApiProperty({ enum: NOTIFICATION_LEVELS })
  @IsIn(NOTIFICATION_LEVELS, { message: `level must be one of ${NOTIFICATION_LEVELS.join(', ')}` })
  level!: NotificationLevel;
}

export class ThreadListQueryDto extends PageQueryDto implements ThreadListQuery {
  @ApiPropertyOptional({ enum: THEMES })
  @IsOptional()
  @IsIn(THEMES, { message: `theme must be one of ${THEMES.join(', ')}` })
  theme?: Theme;
}

export class PostListQueryDto implements PostListQuery {
  @ApiPropertyOptional({ minimum: 0, description: 'Posts with a greater number' })
  @IsOptional()
  @QueryInt()
  @IsInt({ message: 'afterSeq must be a whole number' })
  @Min(0)
  @Max(INT_MAX)
  afterSeq?: number;

  @ApiPropertyOptional({ minimum: 1, description: 'Posts with a smaller number' })
  @IsOptional()
  @QueryInt()
  @IsInt({ message: 'beforeSeq must be a whole number' })
  @Min(1)
  @Max(INT_MAX)
  beforeSeq?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: PAGE_SIZE_MAX, default: 20 })
  @IsOptional()
  @QueryInt()
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(PAGE_SIZE_MAX)
  limit?: number;
}

export class MentionableQueryDto {
  @ApiPropertyOptional({ description: 'Start of a handle or display name' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(80)
  q?: string;
}

export class SearchQueryDto extends PageQueryDto implements SearchQuery {
  @ApiProperty({ minLength: 2, maxLength: 200, description: 'Words, "phrases", -excluded, or' })
  @Trim()
  @IsString({ message: 'q must be text' })
  @Length(2, 200, { message: 'q must be 2 to 200 characters' })
  q!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'forumId must be a forum id' })
  forumId?: string;

  @ApiPropertyOptional({ enum: THEMES })
  @IsOptional()
  @IsIn(THEMES, { message: `theme must be one of ${THEMES.join(', ')}` })
  theme?: Theme;
}
