import { useEffect, useId, useRef, useState } from 'react';
import { FormError } from '../../../components/form-error';
import { Loading } from '../../../components/loading';
import { StatusMessage } from '../../../components/status-message';
import { useI18n } from '../../../lib/i18n';
import { useCalendarFeed } from '../api/get-calendar-feed';
import { useRegenerateCalendarFeed } from '../api/regenerate-calendar-feed';
import { useRevokeCalendarFeed } from '../api/revoke-calendar-feed';
import { ConfirmDialog } from './confirm-dialog';
import '../visits.css';

type Confirming = 'regenerate' | 'revoke' | null;

/**
 * The viewer's private calendar feed, for the profile page. The API keeps only a hash of the secret, so
 * its URL is shown once, right after it is created or regenerated (copy it then); a lost URL is replaced
 * by regenerating (the old one stops working), and the feed can be revoked. Explains how to subscribe
 * from Outlook, Google Calendar and Apple Calendar.
 */
export function CalendarFeedPanel() {
  const { t, format } = useI18n();
  const id = useId();
  const feed = useCalendarFeed();
  const regenerate = useRegenerateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [announcement, setAnnouncement] = useState('');
  // The URL is only known from the answer to the POST that made it, while this page stays open.
  const url = regenerate.data?.url ?? feed.data?.url ?? null;
  const active = feed.data?.active ?? false;
  const createdAt = feed.data?.createdAt ?? null;
  /** After revoking, the buttons that were there are gone: focus goes to "create" instead. */
  const focusCreate = useRef(false);

  useEffect(() => {
    if (active || !focusCreate.current) return;
    focusCreate.current = false;
    document.getElementById(`${id}-create`)?.focus();
  }, [active, id]);

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setAnnouncement(t('visits.feed.copied'));
    } catch {
      // No clipboard (permissions, older browsers): the URL is selected for a manual copy instead.
      const input = document.getElementById(`${id}-url`);
      if (input instanceof HTMLInputElement) {
        input.focus();
        input.select();
      }
      setAnnouncement(t('visits.feed.copyFailed'));
    }
  }

  function create() {
    regenerate.mutate(undefined, {
      onSuccess: () => {
        setConfirming(null);
        setAnnouncement(active ? t('visits.feed.regenerated') : t('visits.feed.created'));
      },
    });
  }

  if (feed.isPending) return <Loading />;
  if (feed.isError) return <FormError error={feed.error} />;

  return (
    <div className="stack calendar-feed">
      <p>{t('visits.feed.intro')}</p>
      <StatusMessage className={announcement ? 'status--success' : undefined}>{announcement}</StatusMessage>
      {active ? (
        <>
          {url ? (
            <div className="field">
              <label htmlFor={`${id}-url`}>{t('visits.feed.urlLabel')}</label>
              <input
                id={`${id}-url`}
                type="text"
                readOnly
                dir="ltr"
                value={url}
                aria-describedby={`${id}-secret`}
                onFocus={(event) => event.target.select()}
              />
              <p id={`${id}-secret`} className="field__hint">
                {t('visits.feed.secret')}
              </p>
            </div>
          ) : (
            <p className="notice">
              {createdAt ? `${t('visits.feed.createdAt', { date: format.dateTime(createdAt) })} ` : ''}
              {t('visits.feed.hidden')}
            </p>
          )}
          <div className="button-row">
            {url ? (
              <button type="button" className="button" onClick={() => void copy()}>
                {t('visits.feed.copy')}
              </button>
            ) : null}
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                regenerate.reset();
                setConfirming('regenerate');
              }}
            >
              {t('visits.feed.regenerate')}
            </button>
            <button
              type="button"
              className="button button--danger"
              onClick={() => {
                revoke.reset();
                setConfirming('revoke');
              }}
            >
              {t('visits.feed.revoke')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="empty">{t('visits.feed.none')}</p>
          <FormError error={regenerate.error} />
          <button id={`${id}-create`} type="button" className="button" disabled={regenerate.isPending} onClick={create}>
            {regenerate.isPending ? t('common.saving') : t('visits.feed.create')}
          </button>
        </>
      )}
      <h3>{t('visits.feed.howHeading')}</h3>
      <ul className="calendar-feed__how">
        <li>
          <strong>{t('visits.feed.outlookName')}</strong> {t('visits.feed.outlook')}
        </li>
        <li>
          <strong>{t('visits.feed.googleName')}</strong> {t('visits.feed.google')}
        </li>
        <li>
          <strong>{t('visits.feed.appleName')}</strong> {t('visits.feed.apple')}
        </li>
      </ul>
      <p className="field__hint">{t('visits.feed.refreshNote')}</p>
      {confirming === 'regenerate' ? (
        <ConfirmDialog
          title={t('visits.feed.regenerateTitle')}
          body={t('visits.feed.regenerateBody')}
          confirmLabel={t('visits.feed.regenerateConfirm')}
          pending={regenerate.isPending}
          error={regenerate.error}
          onClose={() => setConfirming(null)}
          onConfirm={create}
        />
      ) : null}
      {confirming === 'revoke' ? (
        <ConfirmDialog
          title={t('visits.feed.revokeTitle')}
          body={t('visits.feed.revokeBody')}
          confirmLabel={t('visits.feed.revokeConfirm')}
          danger
          pending={revoke.isPending}
          error={revoke.error}
          onClose={() => setConfirming(null)}
          onConfirm={() =>
            revoke.mutate(undefined, {
              onSuccess: () => {
                focusCreate.current = true;
                setConfirming(null);
                regenerate.reset();
                setAnnouncement(t('visits.feed.revoked'));
              },
            })
          }
        />
      ) : null}
    </div>
  );
}
