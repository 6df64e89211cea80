import { POST_LANGUAGES, THEMES } from '@twinning/contracts';
import { useId, type FormEvent } from 'react';
import { SelectField } from '../../../components/form-field';
import { LoadError } from '../../../components/load-error';
import { Loading } from '../../../components/loading';
import { StatusMessage } from '../../../components/status-message';
import { useI18n } from '../../../lib/i18n';
import { oneOf } from '../../../lib/search-params';
import { useCourseCatalogue } from '../api/get-course-catalogue';
import type { CatalogueParams } from '../catalogue-params';
import { CatalogueCard } from './catalogue-card';
import '../catalogue.css';

export interface CourseCatalogueProps {
  /** The filter in force (from the address). */
  params: CatalogueParams;
  onParamsChange: (params: CatalogueParams) => void;
}

/** Published courses, filtered by language and theme; the filters apply as they change. */
export function CourseCatalogue({ params, onParamsChange }: CourseCatalogueProps) {
  const { t, format, language } = useI18n();
  const headingId = useId();
  const courses = useCourseCatalogue(params);
  const items = courses.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(params.language || params.theme);
  const languages = POST_LANGUAGES.filter((code) => code !== 'und')
    .map((code) => ({ code, name: format.languageName(code) }))
    .sort((a, b) => a.name.localeCompare(b.name, language));
  const themes = THEMES.map((theme) => ({ theme, name: t(`themes.${theme}`) })).sort((a, b) =>
    a.name.localeCompare(b.name, language),
  );

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
  }

  let status = '';
  if (courses.isPending) status = t('courses.loading');
  else if (courses.isSuccess) status = t('courses.shown', { count: items.length });

  return (
    <div className="stack">
      <form className="inline-form course-filter" aria-label={t('courses.filterLabel')} onSubmit={handleSubmit}>
        <SelectField
          name="language"
          label={t('courses.filterLanguage')}
          value={params.language ?? ''}
          onChange={(event) => onParamsChange({ ...params, language: oneOf(POST_LANGUAGES, event.target.value) })}
        >
          <option value="">{t('courses.allLanguages')}</option>
          {languages.map((option) => (
            <option key={option.code} value={option.code}>
              {option.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="theme"
          label={t('courses.filterTheme')}
          value={params.theme ?? ''}
          onChange={(event) => onParamsChange({ ...params, theme: oneOf(THEMES, event.target.value) })}
        >
          <option value="">{t('courses.allThemes')}</option>
          {themes.map((option) => (
            <option key={option.theme} value={option.theme}>
              {option.name}
            </option>
          ))}
        </SelectField>
      </form>
      <StatusMessage>{status}</StatusMessage>
      <section aria-labelledby={headingId}>
        <h2 id={headingId} className="visually-hidden">
          {t('courses.listHeading')}
        </h2>
        {courses.isPending ? (
          <Loading label={t('courses.loading')} />
        ) : courses.isLoadingError ? (
          <LoadError error={courses.error} onRetry={() => void courses.refetch()} />
        ) : items.length === 0 ? (
          <div className="empty">
            <p>{filtered ? t('courses.emptyFiltered') : t('courses.empty')}</p>
          </div>
        ) : (
          <ul className="course-list">
            {items.map((course) => (
              <li key={course.id}>
                <CatalogueCard course={course} />
              </li>
            ))}
          </ul>
        )}
        {courses.hasNextPage ? (
          <p className="directory__more">
            <button
              type="button"
              className="button button--secondary"
              disabled={courses.isFetchingNextPage}
              onClick={() => void courses.fetchNextPage()}
            >
              {courses.isFetchingNextPage ? t('common.loadingMore') : t('courses.loadMore')}
            </button>
          </p>
        ) : null}
      </section>
    </div>
  );
}
