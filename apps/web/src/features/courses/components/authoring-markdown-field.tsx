import { useId, useState, type KeyboardEvent } from 'react';
import { FormError } from '../../../components/form-error';
import { Loading } from '../../../components/loading';
import { useT } from '../../../lib/i18n';
import { useLessonPreview } from '../api/authoring-preview';

type Mode = 'write' | 'preview';

export interface AuthoringMarkdownFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  errors?: readonly string[];
  hint?: string;
  rows?: number;
}

/**
 * A Markdown textarea with Write / Preview tabs; the preview is rendered and sanitised by the server's post
 * renderer, exactly as learners will see the lesson. Arrow keys, Home and End move between the tabs.
 */
export function AuthoringMarkdownField({
  label,
  value,
  onChange,
  maxLength,
  errors,
  hint,
  rows = 8,
}: AuthoringMarkdownFieldProps) {
  const t = useT();
  const id = useId();
  const [mode, setMode] = useState<Mode>('write');
  const preview = useLessonPreview(value, mode === 'preview');
  const ids = {
    label: `${id}-label`,
    input: `${id}-input`,
    hint: `${id}-hint`,
    error: `${id}-error`,
    tab: (m: Mode) => `${id}-tab-${m}`,
    panel: (m: Mode) => `${id}-panel-${m}`,
  };
  const invalid = !!errors && errors.length > 0;
  const describedBy = [hint ? ids.hint : null, invalid ? ids.error : null].filter(Boolean).join(' ') || undefined;

  function handleTabKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const other: Mode = mode === 'write' ? 'preview' : 'write';
    const keys: Record<string, Mode | undefined> = {
      ArrowLeft: other,
      ArrowRight: other,
      Home: 'write',
      End: 'preview',
    };
    const next = keys[event.key];
    if (!next) return;
    event.preventDefault();
    setMode(next);
    document.getElementById(ids.tab(next))?.focus();
  }

  return (
    <div className="field authoring-md">
      <label id={ids.label} htmlFor={ids.input}>
        {label}
      </label>
      <div role="tablist" aria-labelledby={ids.label} className="authoring-md__tabs">
        {(['write', 'preview'] as const).map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            id={ids.tab(tab)}
            aria-selected={mode === tab}
            aria-controls={ids.panel(tab)}
            tabIndex={mode === tab ? 0 : -1}
            className="authoring-md__tab"
            onClick={() => setMode(tab)}
            onKeyDown={handleTabKeyDown}
          >
            {tab === 'write' ? t('mdEditor.write') : t('mdEditor.preview')}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={ids.panel('write')}
        aria-labelledby={ids.tab('write')}
        hidden={mode !== 'write'}
        className="authoring-md__panel"
      >
        <textarea
          id={ids.input}
          rows={rows}
          value={value}
          maxLength={maxLength}
          dir="auto"
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      </div>
      <div
        role="tabpanel"
        id={ids.panel('preview')}
        aria-labelledby={ids.tab('preview')}
        hidden={mode !== 'preview'}
        tabIndex={0}
        className="authoring-md__panel authoring-md__preview"
      >
        {mode !== 'preview' ? null : value.trim() === '' ? (
          <p className="muted">{t('mdEditor.nothingToPreview')}</p>
        ) : preview.isPending ? (
          <Loading label={t('mdEditor.previewLoading')} />
        ) : preview.isError ? (
          <FormError error={preview.error} />
        ) : (
          <div className="post-markdown" dir="auto" dangerouslySetInnerHTML={{ __html: preview.data.html }} />
        )}
      </div>
      {hint ? (
        <p id={ids.hint} className="field__hint">
          {hint}
        </p>
      ) : null}
      {invalid ? (
        <p id={ids.error} className="field__error">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
