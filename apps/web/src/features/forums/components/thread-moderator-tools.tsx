import { MODERATION_REASON_MAX_LENGTH, type ThreadDto } from '@twinning/contracts';
import { useId, useState } from 'react';
import { TextAreaField } from '../../../components/form-field';
import { FormError } from '../../../components/form-error';
import { StatusMessage } from '../../../components/status-message';
import { useT } from '../../../lib/i18n';
import { useModerateThread, type ModerateThreadVariables } from '../api/moderate-thread';

/** Pin / unpin and lock / unlock, with a reason for the audit log (moderators). */
export function ThreadModeratorTools({ thread }: { thread: ThreadDto }) {
  const t = useT();
  const headingId = useId();
  const moderate = useModerateThread();
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState('');

  function apply(change: Pick<ModerateThreadVariables, 'pinned' | 'locked'>, message: string) {
    setOutcome('');
    moderate.mutate(
      { threadId: thread.id, ...change, reason: reason.trim() || undefined },
      {
        onSuccess: () => {
          setReason('');
          setOutcome(message);
        },
      },
    );
  }

  return (
    <section aria-labelledby={headingId} className="section panel">
      <h2 id={headingId}>{t('threadMod.heading')}</h2>
      <TextAreaField
        name="reason"
        rows={2}
        maxLength={MODERATION_REASON_MAX_LENGTH}
        label={t('threadMod.reason')}
        hint={t('forums.reasonAuditHint')}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          disabled={moderate.isPending}
          onClick={() =>
            thread.pinned
              ? apply({ pinned: false }, t('threadMod.unpinned'))
              : apply({ pinned: true }, t('threadMod.pinned'))
          }
        >
          {thread.pinned ? t('threadMod.unpin') : t('threadMod.pin')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={moderate.isPending}
          onClick={() =>
            thread.locked
              ? apply({ locked: false }, t('threadMod.unlocked'))
              : apply({ locked: true }, t('threadMod.locked'))
          }
        >
          {thread.locked ? t('threadMod.unlock') : t('threadMod.lock')}
        </button>
      </div>
      <StatusMessage className={outcome ? 'status--success' : undefined}>{outcome}</StatusMessage>
      <FormError error={moderate.error} />
    </section>
  );
}
