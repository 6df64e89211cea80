import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COURSE_COMMENT_MAX_LENGTH,
  COURSE_DESCRIPTION_MAX_LENGTH,
  COURSE_ESTIMATED_HOURS_MAX,
  COURSE_LESSON_BODY_MAX_LENGTH,
  COURSE_LESSONS_MAX,
  COURSE_MODULES_MAX,
  COURSE_OPTIONS_MAX,
  COURSE_QUESTION_KINDS,
  COURSE_QUESTIONS_MAX,
  COURSE_QUIZZES_MAX,
  COURSE_THEMES_MAX,
  COURSE_TITLE_MAX_LENGTH,
  POST_LANGUAGES,
  THEMES,
  type CourseCatalogueQuery,
  type CourseCommentInput,
  type CourseContentRequest,
  type CourseLessonInput,
  type CourseModuleInput,
  type CourseOptionInput,
  type CourseProgressRequest,
  type CourseQuizAttemptRequest,
  type CourseQuestionInput,
  type CourseQuestionKind,
  type CourseQuizInput,
  type CourseRequestChangesRequest,
  type CreateCourseRequest,
  type PostLanguage,
  type Theme,
} from '@twinning/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Trim } from '../../common/dto-helpers';
import { PageQueryDto } from '../../common/page-query.dto';

/** A title: trimmed text, 1 to COURSE_TITLE_MAX_LENGTH characters, not blank. */
function Title(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ maxLength: COURSE_TITLE_MAX_LENGTH })(target, key);
    Trim()(target, key);
    IsString()(target, key);
    Length(1, COURSE_TITLE_MAX_LENGTH)(target, key);
  };
}

/** Markdown text of at most `max` characters, not blank. */
function Markdown(max: number): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ maxLength: max, description: 'Markdown' })(target, key);
    IsString()(target, key);
    Length(1, max)(target, key);
    Matches(/\S/, { context: { text: 'notBlank' } })(target, key);
  };
}

/** A list of nested objects of `type`, between `min` and `max` of them. */
function NestedList(type: new () => object, min: number, max: number): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ type: [type], minItems: min, maxItems: max })(target, key);
    IsArray()(target, key);
    ArrayMinSize(min)(target, key);
    ArrayMaxSize(max)(target, key);
    ValidateNested({ each: true })(target, key);
    Type(() => type)(target, key);
  };
}

export class CourseOptionDto implements CourseOptionInput {
  @ApiProperty({ maxLength: 500 })
  @Trim()
  @IsString()
  @Length(1, 500)
  text!: string;

  @ApiProperty()
  @IsBoolean()
  correct!: boolean;
}

export class CourseQuestionBodyDto implements CourseQuestionInput {
  @ApiProperty({ enum: COURSE_QUESTION_KINDS })
  @IsIn(COURSE_QUESTION_KINDS)
  kind!: CourseQuestionKind;

  @Markdown(2_000)
  prompt!: string;

  @NestedList(CourseOptionDto, 2, COURSE_OPTIONS_MAX)
  options!: CourseOptionDto[];
}

export class CourseQuizBodyDto implements CourseQuizInput {
  @Title()
  title!: string;

  @ApiProperty({ minimum: 0, maximum: 100, description: 'Percentage of right answers needed to pass' })
  @IsInt()
  @Min(0)
  @Max(100)
  passMark!: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, nullable: true, description: 'Null or omitted: unlimited' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  maxAttempts!: number | null;

  @NestedList(CourseQuestionBodyDto, 1, COURSE_QUESTIONS_MAX)
  questions!: CourseQuestionBodyDto[];
}

export class CourseLessonBodyDto implements CourseLessonInput {
  @ApiPropertyOptional({ format: 'uuid', description: 'The lesson being edited; omitted for a new lesson' })
  @IsOptional()
  @IsUUID('all')
  key?: string;

  @Title()
  title!: string;

  @Markdown(COURSE_LESSON_BODY_MAX_LENGTH)
  body!: string;
}

export class CourseModuleBodyDto implements CourseModuleInput {
  @Title()
  title!: string;

  @NestedList(CourseLessonBodyDto, 1, COURSE_LESSONS_MAX)
  lessons!: CourseLessonBodyDto[];

  @NestedList(CourseQuizBodyDto, 0, COURSE_QUIZZES_MAX)
  quizzes!: CourseQuizBodyDto[];
}

export class CourseContentDto implements CourseContentRequest {
  @Title()
  title!: string;

  @ApiProperty({ enum: POST_LANGUAGES })
  @IsIn(POST_LANGUAGES)
  language!: PostLanguage;

  @ApiProperty({ enum: THEMES, isArray: true, minItems: 1, maxItems: COURSE_THEMES_MAX })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(COURSE_THEMES_MAX)
  @ArrayUnique()
  @IsIn(THEMES, { each: true })
  themes!: Theme[];

  @Markdown(COURSE_DESCRIPTION_MAX_LENGTH)
  description!: string;

  @ApiProperty({ minimum: 0.5, maximum: COURSE_ESTIMATED_HOURS_MAX })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 1 })
  @Min(0.5)
  @Max(COURSE_ESTIMATED_HOURS_MAX)
  estimatedHours!: number;

  @NestedList(CourseModuleBodyDto, 1, COURSE_MODULES_MAX)
  modules!: CourseModuleBodyDto[];
}

export class CreateCourseDto extends CourseContentDto implements CreateCourseRequest {
  @ApiPropertyOptional({ format: 'uuid', isArray: true, maxItems: 10, description: 'Facilitators' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  coAuthorIds?: string[];
}

export class CourseCommentDto implements CourseCommentInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  lessonKey!: string;

  @Markdown(COURSE_COMMENT_MAX_LENGTH)
  body!: string;
}

export class CourseRequestChangesDto implements CourseRequestChangesRequest {
  @NestedList(CourseCommentDto, 1, 100)
  comments!: CourseCommentDto[];
}

export class CourseCatalogueQueryDto extends PageQueryDto implements CourseCatalogueQuery {
  @ApiPropertyOptional({ enum: POST_LANGUAGES })
  @IsOptional()
  @IsIn(POST_LANGUAGES)
  language?: PostLanguage;

  @ApiPropertyOptional({ enum: THEMES })
  @IsOptional()
  @IsIn(THEMES)
  theme?: Theme;
}

export class CourseProgressDto implements CourseProgressRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  lessonKey!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  completed?: boolean;
}

export class CourseQuizAttemptBodyDto implements CourseQuizAttemptRequest {
  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { type: 'integer' } },
    description: 'For each question in order, the indexes of the options chosen',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(COURSE_QUESTIONS_MAX)
  @IsArray({ each: true })
  answers!: number[][];
}
