import {
  NOTIFICATION_AREAS,
  NOTIFICATION_DELIVERIES,
  NOTIFICATION_KIND_AREAS,
  NOTIFICATION_KINDS,
  NOTIFICATION_MAIL_DEFAULTS,
  NOTIFICATION_MAIL_TEXT,
  type NotificationDelivery,
  type NotificationKind,
} from '@twinning/contracts';
import { useId, useState } from 'react';
import { FormError } from '../../../components/form-error';
import { Loading } from '../../../components/loading';
import { StatusMessage } from '../../../components/status-message';
import { useI18n } from '../../../lib/i18n';
import { useNotificationSettings } from '../api/get-notification-settings';
import { useUpdateNotificationSettings } from '../api/update-notification-settings';
import '../notification-settings.css';

/**
 * "Email notifications" in Profile: for each kind, grouped by area, a radio group (immediately, daily
 * digest, weekly digest, off), saved as soon as it is chosen. The radios stay enabled while saving,
 * so a keyboard user moving through a group with the arrow keys keeps focus. "Saved" (or the error)
 * shows inside the group that changed, where the reader is looking: each group has its own live
 * region, present from the start so that screen readers announce it. Kind and delivery names come
 * from the contracts, as the mail's footer names them.
 */
export function NotificationSettings() {
  const { t, language } = useI18n();
  const id = useId();
  const settings = useNotificationSettings();
  const update = useUpdateNotificationSettings();
  /** The group that changed last and what it says: "Saved", or the error. */
  const [last, setLast] = useState<{ kind: NotificationKind; saved: string } | null>(null);
  const text = NOTIFICATION_MAIL_TEXT[language];

  if (settings.isPending) return <Loading />;
  if (settings.isError) return <FormError error={settings.error} />;
  const current = new Map(settings.data.map((s) => [s.kind, s.delivery]));

  function choose(kind: NotificationKind, delivery: NotificationDelivery) {
    setLast({ kind, saved: '' });
    update.mutate(
      { settings: [{ kind, delivery }] },
      {
        onSuccess: () =>
          setLast({
            kind,
            saved: t('notificationSettings.saved', {
              kind: text.kinds[kind].label,
              delivery: text.deliveries[delivery],
            }),
          }),
      },
    );
  }

  return (
    <div className="stack notification-settings">
      <p>{t('notificationSettings.intro')}</p>
      {NOTIFICATION_AREAS.map((area) => (
        <section key={area} aria-labelledby={`${id}-${area}`} className="notification-settings__area">
          <h3 id={`${id}-${area}`}>{text.areas[area]}</h3>
          {NOTIFICATION_KINDS.filter((kind) => NOTIFICATION_KIND_AREAS[kind] === area).map((kind) => {
            const name = `${id}-${kind}`;
            const isLast = last?.kind === kind;
            return (
              <fieldset key={kind} className="fieldset notification-settings__kind" aria-describedby={`${name}-hint`}>
                <legend>{text.kinds[kind].label}</legend>
                <p id={`${name}-hint`} className="field__hint">
                  {t('notificationSettings.default', { delivery: text.deliveries[NOTIFICATION_MAIL_DEFAULTS[kind]] })}
                </p>
                <div className="notification-settings__choices">
                  {NOTIFICATION_DELIVERIES.map((delivery) => (
                    <div key={delivery} className="checkbox">
                      <input
                        type="radio"
                        id={`${name}-${delivery}`}
                        name={name}
                        value={delivery}
                        checked={(current.get(kind) ?? NOTIFICATION_MAIL_DEFAULTS[kind]) === delivery}
                        onChange={() => choose(kind, delivery)}
                      />
                      <label htmlFor={`${name}-${delivery}`}>{text.deliveries[delivery]}</label>
                    </div>
                  ))}
                </div>
                <StatusMessage className={isLast && last.saved ? 'status--success' : undefined}>
                  {isLast ? last.saved : ''}
                </StatusMessage>
                {isLast && update.isError ? <FormError error={update.error} /> : null}
              </fieldset>
            );
          })}
        </section>
      ))}
    </div>
  );
}
