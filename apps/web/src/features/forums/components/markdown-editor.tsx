import { POST_BODY_MAX_LENGTH, type MentionCandidateDto } from '@twinning/contracts';
import {
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type ChangeEvent,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
  type SyntheticEvent,
} from 'react';
import { FormError } from '../../../components/form-error';
import { Loading } from '../../../components/loading';
import { useT } from '../../../lib/i18n';
import { useMentionable } from '../api/get-mentionable';
import { usePreview } from '../api/preview-markdown';
import { useDebouncedValue } from '../../../lib/use-debounced-value';

type Mode = 'write' | 'preview';

/** An `@handle` being typed: where its `@` is and what follows it up to the caret. */
interface MentionToken {
  start: number;
  query: string;
}

const MENTION_BEFORE_CARET = /(?:^|[^A-Za-z0-9_.@-])@([A-Za-z0-9_.-]{1,40})$/;

export function findMention(value: string, caret: number): MentionToken | null {
  const match = MENTION_BEFORE_CARET.exec(value.slice(0, caret));
  const query = match?.[1];
  if (!query) return null;
  return { start: caret - query.length - 1, query };
}

export interface MarkdownEditorProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Suggests people who can read this thread after `@`. */
  mentionThreadId?: string;
  hint?: ReactNode;
  errors?: readonly string[];
  rows?: number;
  required?: boolean;
  /** Ids of more text describing the editor (for example why it cannot be used now). */
  describedBy?: string;
  textareaRef?: RefObject<HTMLTextAreaElement | null>;
}

/**
 * A Markdown textarea with Write / Preview tabs (the preview is rendered by the server, exactly as the post
 * will be) and, in threads, `@mention` suggestions: a listbox driven from the textarea with the arrow keys,
 * Enter or Tab to insert, Escape to close. Ctrl+Enter (⌘+Enter) submits the form.
 */
export function MarkdownEditor({
  name,
  label,
  value,
  onChange,
  mentionThreadId,
  hint,
  errors,
  rows = 6,
  required,
  describedBy,
  textareaRef,
}: MarkdownEditorProps) {
  const t = useT();
  const id = useId();
  const ownRef = useRef<HTMLTextAreaElement>(null);
  const ref = textareaRef ?? ownRef;
  const [mode, setMode] = useState<Mode>('write');
  const [mention, setMention] = useState<MentionToken | null>(null);
  const [active, setActive] = useState(0);
  /** The `@` whose suggestions were closed with Escape; they stay closed until another mention starts. */
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const pendingCaret = useRef<number | null>(null);

  const mentionsEnabled = !!mentionThreadId;
  const query = useDebouncedValue(mention?.query ?? '', 200);
  const mentionable = useMentionable(mentionThreadId, query, mentionsEnabled && mention !== null);
  const candidates: MentionCandidateDto[] =
    mention && dismissedAt !== mention.start && query !== '' ? (mentionable.data ?? []) : [];
  const open = candidates.length > 0;
  const activeIndex = Math.min(active, candidates.length - 1);
  const preview = usePreview(value, mode === 'preview');

  const ids = {
    textarea: `${id}-input`,
    label: `${id}-label`,
    hint: `${id}-hint`,
    error: `${id}-error`,
    writeTab: `${id}-tab-write`,
    previewTab: `${id}-tab-preview`,
    writePanel: `${id}-panel-write`,
    previewPanel: `${id}-panel-preview`,
    listbox: `${id}-mentions`,
    option: (index: number) => `${id}-mention-${index}`,
  };
  const invalid = !!errors && errors.length > 0;
  const descriptions = [hint ? ids.hint : null, invalid ? ids.error : null, describedBy ?? null]
    .filter(Boolean)
    .join(' ');

  // After a suggestion is inserted, put the caret after it.
  useLayoutEffect(() => {
    const caret = pendingCaret.current;
    const textarea = ref.current;
    if (caret === null || !textarea) return;
    pendingCaret.current = null;
    textarea.focus();
    textarea.setSelectionRange(caret, caret);
  }, [value, ref]);

  function trackMention(text: string, caret: number) {
    if (!mentionsEnabled) return;
    const next = findMention(text, caret);
    if (next?.start !== mention?.start || next?.query !== mention?.query) {
      setMention(next);
      setActive(0);
      if (next?.start !== dismissedAt) setDismissedAt(null);
    }
  }

  function handleChange(event: ChangeEvent<HTMLTextAreaElement>) {
    onChange(event.target.value);
    trackMention(event.target.value, event.target.selectionStart);
  }

  function handleSelect(event: SyntheticEvent<HTMLTextAreaElement>) {
    trackMention(event.currentTarget.value, event.currentTarget.selectionStart);
  }

  function insert(candidate: MentionCandidateDto) {
    if (!mention) return;
    const caret = ref.current?.selectionStart ?? mention.start + mention.query.length + 1;
    const before = value.slice(0, mention.start);
    const inserted = `@${candidate.handle} `;
    pendingCaret.current = before.length + inserted.length;
    setMention(null);
    onChange(before + inserted + value.slice(Math.max(caret, mention.start + mention.query.length + 1)));
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    const plain = !event.altKey && !event.ctrlKey && !event.metaKey;
    if (open && mention && plain) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((activeIndex + step + candidates.length) % candidates.length);
        return;
      }
      if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey) {
        event.preventDefault();
        const candidate = candidates[activeIndex];
        if (candidate) insert(candidate);
        return;
      }
      if (event.key === 'Escape') {
        // Only the suggestions close; a dialog around the editor stays open.
        event.preventDefault();
        event.stopPropagation();
        setDismissedAt(mention.start);
        return;
      }
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    }
  }

  function handleTabKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const keys: Record<string, Mode | undefined> = {
      ArrowLeft: mode === 'write' ? 'preview' : 'write',
      ArrowRight: mode === 'write' ? 'preview' : 'write',
      Home: 'write',
      End: 'preview',
    };
    const next = keys[event.key];
    if (!next) return;
    event.preventDefault();
    setMode(next);
    document.getElementById(next === 'write' ? ids.writeTab : ids.previewTab)?.focus();
  }

  const previewBody = value.trim();

  return (
    <div className="field md-editor">
      <label id={ids.label} htmlFor={ids.textarea}>
        {label}
      </label>
      <div role="tablist" aria-labelledby={ids.label} className="md-editor__tabs">
        {(['write', 'preview'] as const).map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            id={tab === 'write' ? ids.writeTab : ids.previewTab}
            aria-selected={mode === tab}
            aria-controls={tab === 'write' ? ids.writePanel : ids.previewPanel}
            tabIndex={mode === tab ? 0 : -1}
            className="md-editor__tab"
            onClick={() => setMode(tab)}
            onKeyDown={handleTabKeyDown}
          >
            {tab === 'write' ? t('mdEditor.write') : t('mdEditor.preview')}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={ids.writePanel}
        aria-labelledby={ids.writeTab}
        hidden={mode !== 'write'}
        className="md-editor__panel"
      >
        <textarea
          ref={ref}
          id={ids.textarea}
          name={name}
          rows={rows}
          value={value}
          required={required}
          maxLength={POST_BODY_MAX_LENGTH}
          dir="auto"
          aria-describedby={descriptions || undefined}
          aria-invalid={invalid || undefined}
          aria-autocomplete={mentionsEnabled ? 'list' : undefined}
          aria-controls={open ? ids.listbox : undefined}
          aria-activedescendant={open ? ids.option(activeIndex) : undefined}
          onChange={handleChange}
          onSelect={handleSelect}
          onKeyDown={handleKeyDown}
          onBlur={() => setMention(null)}
        />
        {open ? (
          <ul role="listbox" id={ids.listbox} aria-label={t('mdEditor.mentionSuggestions')} className="mention-list">
            {candidates.map((candidate, index) => (
              // The options are chosen from the textarea (arrow keys, Enter, Tab); a click also works.
              // eslint-disable-next-line jsx-a11y/click-events-have-key-events
              <li
                key={candidate.id}
                id={ids.option(index)}
                role="option"
                aria-selected={index === activeIndex}
                className="mention-list__option"
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => insert(candidate)}
              >
                <span className="mention-list__name">{candidate.displayName}</span>{' '}
                <span className="mention-list__handle">@{candidate.handle}</span>
              </li>
            ))}
          </ul>
        ) : null}
        {mentionsEnabled ? (
          <p role="status" className="visually-hidden">
            {open ? t('mdEditor.mentionsAvailable', { count: candidates.length }) : ''}
          </p>
        ) : null}
      </div>
      <div
        role="tabpanel"
        id={ids.previewPanel}
        aria-labelledby={ids.previewTab}
        hidden={mode !== 'preview'}
        tabIndex={0}
        className="md-editor__panel md-editor__preview"
      >
        {mode !== 'preview' ? null : previewBody === '' ? (
          <p className="muted">{t('mdEditor.nothingToPreview')}</p>
        ) : preview.isPending ? (
          <Loading label={t('mdEditor.previewLoading')} />
        ) : preview.isError ? (
          <FormError error={preview.error} />
        ) : (
          <>
            <div className="post-markdown" dangerouslySetInnerHTML={{ __html: preview.data.html }} />
            {preview.data.mentions.length > 0 ? (
              <p className="md-editor__mentions">
                {t('mdEditor.willMention', { handles: preview.data.mentions.map((handle) => `@${handle}`).join(', ') })}
              </p>
            ) : null}
          </>
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
