import type { CourseSummaryDto } from '@twinning/contracts';
import { Link } from 'react-router';
import { Fact } from '../../../components/fact';
import { useI18n } from '../../../lib/i18n';

const EXCERPT_LENGTH = 220;

/** The description's first words as plain text (Markdown marks dropped), cut at a word. */
export function descriptionExcerpt(description: string, max = EXCERPT_LENGTH): string {
  const plain = description
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** One course in the catalogue: title, language, themes, hours, authors and the start of its description. */
export function CatalogueCard({ course }: { course: CourseSummaryDto }) {
  const { t, format } = useI18n();
  const lang = course.language === 'und' ? undefined : course.language;
  return (
    <article className="course-card">
      <h3 className="course-card__title">
        <Link to={`/courses/${encodeURIComponent(course.id)}`} lang={lang} dir="auto">
          {course.title}
        </Link>
      </h3>
      <dl className="facts facts--compact">
        <Fact label={t('courses.facts.language')}>{format.languageName(course.language)}</Fact>
        {course.themes.length > 0 ? (
          <Fact label={t('courses.facts.themes')}>
            {format.list(course.themes.map((theme) => t(`themes.${theme}`)))}
          </Fact>
        ) : null}
        <Fact label={t('courses.facts.hours')}>{t('courses.hours', { count: course.estimatedHours })}</Fact>
        <Fact label={t('courses.facts.content')}>
          {format.list([
            t('courses.lessonCount', { count: course.lessonCount }),
            ...(course.quizCount > 0 ? [t('courses.quizCount', { count: course.quizCount })] : []),
          ])}
        </Fact>
      </dl>
      <p className="course-card__excerpt" lang={lang} dir="auto">
        {descriptionExcerpt(course.description)}
      </p>
    </article>
  );
}
