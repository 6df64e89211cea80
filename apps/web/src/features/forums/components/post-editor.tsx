import type { PostDto } from '@twinning/contracts';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { FormError } from '../../../components/form-error';
import { useFocusFirstInvalid } from '../../../components/use-focus-first-invalid';
import { localizedFieldErrors } from '../../../lib/api-errors';
import { useI18n } from '../../../lib/i18n';
import { useEditPost } from '../api/edit-post';
import { MarkdownEditor } from './markdown-editor';

export interface PostEditorProps {
  post: PostDto;
  /** Called with the saved post, or with null when editing was cancelled. */
  onDone: (saved: PostDto | null) => void;
}

/** Edits a post in place; Escape cancels. */
export function PostEditor({ post, onDone }: PostEditorProps) {
  const { t, language } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const edit = useEditPost();
  const [body, setBody] = useState(post.body ?? '');
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    const textarea = textareaRef.current;
    textarea?.focus();
    textarea?.setSelectionRange(textarea.value.length, textarea.value.length);
  }, []);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!body.trim()) {
      setMissing(true);
      focusFirstInvalid();
      return;
    }
    setMissing(false);
    edit.mutate({ postId: post.id, body }, { onSuccess: (saved) => onDone(saved), onError: focusFirstInvalid });
  }

  function handleKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      onDone(null);
    }
  }

  const errors = missing ? [t('validation.required')] : localizedFieldErrors(edit.error, t, language)['body'];
  return (
    // Escape anywhere in the form cancels the edit, like the Cancel button.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <form ref={formRef} className="post__editor" noValidate onSubmit={handleSubmit} onKeyDown={handleKeyDown}>
      <FormError error={edit.error} shownFields={['body']} />
      <MarkdownEditor
        name="body"
        label={t('post.editLabel', { seq: post.seq })}
        value={body}
        onChange={setBody}
        mentionThreadId={post.threadId}
        hint={t('mdEditor.hint')}
        errors={errors}
        required
        textareaRef={textareaRef}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={edit.isPending}>
          {edit.isPending ? t('common.saving') : t('post.saveEdit')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          {t('forums.cancel')}
        </button>
      </div>
    </form>
  );
}
