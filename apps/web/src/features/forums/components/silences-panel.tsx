import { useId, useRef, useState } from 'react';
import { FormError } from '../../../components/form-error';
import { Loading } from '../../../components/loading';
import { StatusMessage } from '../../../components/status-message';
import { useI18n } from '../../../lib/i18n';
import { useSilences } from '../api/get-silences';
import { useLiftSilence } from '../api/lift-silence';
import '../forums.css';

/** People silenced in a forum, with "Lift" for each (moderators). */
export function SilencesPanel({ forumId }: { forumId: string }) {
  const { t, format } = useI18n();
  const headingId = useId();
  const silences = useSilences(forumId);
  const lift = useLiftSilence();
  const [outcome, setOutcome] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);

  return (
    <section aria-labelledby={headingId} className="section panel">
      <h2 id={headingId}>{t('silence.listHeading')}</h2>
      <div ref={statusRef} tabIndex={-1} className="focus-target">
        <StatusMessage className={outcome ? 'status--success' : undefined}>{outcome}</StatusMessage>
        <FormError error={lift.error} />
      </div>
      {silences.isPending ? (
        <Loading label={t('silence.loading')} />
      ) : silences.isError ? (
        <FormError error={silences.error} />
      ) : silences.data.length === 0 ? (
        <p className="muted">{t('silence.none')}</p>
      ) : (
        <ul className="plain-list">
          {silences.data.map((silence) => (
            <li key={silence.user.id} className="plain-list__item silence-item">
              <div>
                <p className="silence-item__name">{silence.user.displayName}</p>
                <p className="muted">
                  {t('silence.until', { until: format.dateTime(silence.until) })}
                  {' · '}
                  {t('silence.by', { name: silence.createdBy.displayName })}
                </p>
                <p dir="auto">{t('silence.reasonShown', { reason: silence.reason })}</p>
              </div>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={lift.isPending}
                aria-label={t('silence.liftFor', { name: silence.user.displayName })}
                onClick={() => {
                  setOutcome('');
                  lift.mutate(
                    { forumId, userId: silence.user.id },
                    {
                      onSuccess: () => {
                        setOutcome(t('silence.lifted', { name: silence.user.displayName }));
                        statusRef.current?.focus();
                      },
                    },
                  );
                }}
              >
                {t('silence.lift')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
