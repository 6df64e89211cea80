import type { CourseSummaryDto } from '@twinning/contracts';
import { Link } from 'react-router';
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
        <div className="facts__row">
          <dt>{t('courses.facts.language')}</dt>
          <dd>{format.languageName(course.language)}</dd>
        </div>
        {course.themes.length > 0 ? (
          <div className="facts__row">
            <dt>{t('courses.facts.themes')}</dt>
            <dd>{format.list(course.themes.map((theme) => t(`themes.${theme}`)))}</dd>
          </div>
        ) : null}
        <div className="facts__row">
          <dt>{t('courses.facts.hours')}</dt>
          <dd>{t('courses.hours', { count: course.estimatedHours })}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('courses.facts.content')}</dt>
          <dd>
            {format.list([
              t('courses.lessonCount', { count: course.lessonCount }),
              ...(course.quizCount > 0 ? [t('courses.quizCount', { count: course.quizCount })] : []),
            ])}
          </dd>
        </div>
      </dl>
      <p className="course-card__excerpt" lang={lang} dir="auto">
        {descriptionExcerpt(course.description)}
      </p>
    </article>
  );
}
