import { NOTIFICATION_LEVELS, type ThreadDto } from '@twinning/contracts';
import { useId, useState } from 'react';
import { FormError } from '../../../components/form-error';
import { StatusMessage } from '../../../components/status-message';
import { useT } from '../../../lib/i18n';
import { useSetNotificationLevel } from '../api/set-notification-level';

/** Watching / normal / muted for one thread, saved as soon as it is chosen. */
export function NotificationLevelControl({ thread }: { thread: ThreadDto }) {
  const t = useT();
  const id = useId();
  const setLevel = useSetNotificationLevel();
  const [saved, setSaved] = useState('');

  return (
    <section aria-labelledby={`${id}-heading`} className="section panel">
      <h2 id={`${id}-heading`}>{t('threadNotify.heading')}</h2>
      <fieldset className="fieldset forum-fieldset--plain">
        <legend className="visually-hidden">{t('threadNotify.heading')}</legend>
        <div className="forum-choices">
          {NOTIFICATION_LEVELS.map((level) => (
            <div key={level} className="forum-choice">
              <input
                type="radio"
                id={`${id}-${level}`}
                name={`${id}-level`}
                value={level}
                checked={thread.notificationLevel === level}
                aria-describedby={`${id}-${level}-hint`}
                onChange={() => {
                  setSaved('');
                  setLevel.mutate(
                    { threadId: thread.id, level },
                    { onSuccess: () => setSaved(t('threadNotify.saved', { level: t(`threadNotify.${level}`) })) },
                  );
                }}
              />
              <div>
                <label htmlFor={`${id}-${level}`}>{t(`threadNotify.${level}`)}</label>
                <p id={`${id}-${level}-hint`} className="field__hint">
                  {t(`threadNotify.${level}Hint`)}
                </p>
              </div>
            </div>
          ))}
        </div>
      </fieldset>
      <StatusMessage className={saved ? 'status--success' : undefined}>{saved}</StatusMessage>
      <FormError error={setLevel.error} />
    </section>
  );
}
