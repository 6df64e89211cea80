import { type Theme } from '@twinning/contracts';
import { useState, type FormEvent } from 'react';
import { SelectField, TextField } from '../../../components/form-field';
import { useI18n } from '../../../lib/i18n';
import type { SearchFilters } from '../api/forums.keys';
import { useForums } from '../api/get-forums';
import { forumName, labelSourceOf } from '../../../lib/forum-label';
import { ThemeSelect } from '../../../components/choice-select';

export interface SearchFormProps {
  /** The search in force (from the URL). Remount with a new `key` when it changes from outside. */
  filters: SearchFilters;
  onSearch: (filters: SearchFilters) => void;
  /** A single query field, for the top of the forums page. */
  compact?: boolean;
}

/** Words to look for, optionally within one forum or one theme. */
export function SearchForm({ filters, onSearch, compact = false }: SearchFormProps) {
  const { t } = useI18n();
  const forums = useForums();
  const [q, setQ] = useState(filters.q);
  const [forumId, setForumId] = useState(filters.forumId ?? '');
  const [theme, setTheme] = useState<Theme | ''>(filters.theme ?? '');

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSearch({ q: q.trim(), forumId: forumId || undefined, theme: theme || undefined });
  }

  const themeForums = forums.data?.filter((forum) => forum.kind === 'theme') ?? [];
  const courseForums = forums.data?.filter((forum) => forum.kind === 'course') ?? [];
  const partnershipForums = forums.data?.filter((forum) => forum.kind === 'partnership') ?? [];
  return (
    <form
      role="search"
      aria-label={t('forumSearch.formLabel')}
      className={compact ? 'inline-form inline-form--search' : 'filters'}
      onSubmit={handleSubmit}
    >
      <TextField
        name="q"
        type="search"
        required
        maxLength={200}
        label={t('forumSearch.query')}
        hint={compact ? undefined : t('forumSearch.queryHint')}
        value={q}
        onChange={(event) => setQ(event.target.value)}
      />
      {compact ? null : (
        <>
          <SelectField
            name="forumId"
            label={t('forumSearch.forum')}
            value={forumId}
            onChange={(event) => setForumId(event.target.value)}
          >
            <option value="">{t('forumSearch.allForums')}</option>
            {themeForums.length > 0 ? (
              <optgroup label={t('forums.themeForums')}>
                {themeForums.map((forum) => (
                  <option key={forum.id} value={forum.id}>
                    {forumName(t, labelSourceOf(forum))}
                  </option>
                ))}
              </optgroup>
            ) : null}
            {courseForums.length > 0 ? (
              <optgroup label={t('forums.courseForums')}>
                {courseForums.map((forum) => (
                  <option key={forum.id} value={forum.id}>
                    {forumName(t, labelSourceOf(forum))}
                  </option>
                ))}
              </optgroup>
            ) : null}
            {partnershipForums.length > 0 ? (
              <optgroup label={t('forums.partnershipForums')}>
                {partnershipForums.map((forum) => (
                  <option key={forum.id} value={forum.id}>
                    {forumName(t, labelSourceOf(forum))}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </SelectField>
          <ThemeSelect
            name="theme"
            label={t('forumSearch.theme')}
            anyLabel={t('forums.allThemes')}
            value={theme}
            onChange={setTheme}
          />
        </>
      )}
      <div className={compact ? undefined : 'filters__actions'}>
        <button type="submit" className="button">
          {t('forumSearch.submit')}
        </button>
      </div>
    </form>
  );
}
