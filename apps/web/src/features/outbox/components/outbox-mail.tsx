import type { OutboxMailDetailDto } from '@twinning/contracts';
import { Fact } from '../../../components/fact';
import { useI18n } from '../../../lib/i18n';
import '../outbox.css';

/**
 * Links in the HTML part open in a new tab: the frame is sandboxed (no scripts, no same-origin
 * access, no navigation of this page) and may only open pop-ups, which escape the sandbox so the
 * linked page (a verification link, say) works normally.
 */
export function withLinksInNewTab(html: string): string {
  const base = '<base target="_blank">';
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => head + base) : base + html;
}

/** One mail: who it went to and when, its HTML part in a sandboxed frame, its text part, headers and calendar. */
export function OutboxMail({ mail }: { mail: OutboxMailDetailDto }) {
  const { t, format } = useI18n();
  const headers = Object.entries(mail.headers);
  return (
    <div className="stack">
      <dl className="facts">
        <Fact label={t('outbox.to')}>
          <bdi dir="ltr" className="outbox__address">
            {mail.to}
          </bdi>
        </Fact>
        <Fact label={t('outbox.time')}>
          <time dateTime={mail.createdAt}>{format.dateTime(mail.createdAt)}</time>
        </Fact>
        <Fact label={t('outbox.status')}>
          {t(`outbox.statuses.${mail.status}`)}
          {mail.sentAt ? (
            <>
              {' · '}
              <time dateTime={mail.sentAt}>{format.dateTime(mail.sentAt)}</time>
            </>
          ) : null}
        </Fact>
        <Fact label={t('outbox.category')}>
          <code>{mail.category}</code>
        </Fact>
        <Fact label={t('outbox.messageId')}>
          <code className="outbox__address" dir="ltr">
            {mail.messageId}
          </code>
        </Fact>
      </dl>

      <section aria-labelledby="outbox-html">
        <h2 id="outbox-html">{t('outbox.htmlPart')}</h2>
        <p className="muted">{t('outbox.linksNote')}</p>
        <iframe
          className="outbox__frame"
          title={t('outbox.htmlFrameTitle', { subject: mail.subject })}
          sandbox="allow-popups allow-popups-to-escape-sandbox"
          referrerPolicy="no-referrer"
          srcDoc={withLinksInNewTab(mail.html)}
        />
      </section>

      <section aria-labelledby="outbox-text">
        <h2 id="outbox-text">{t('outbox.textPart')}</h2>
        <pre className="outbox__text" dir="auto">
          {mail.text}
        </pre>
      </section>

      {mail.calendar ? (
        <section aria-labelledby="outbox-calendar">
          <h2 id="outbox-calendar">{t('outbox.calendar', { method: mail.calendar.method })}</h2>
          <pre className="outbox__text" dir="ltr">
            {mail.calendar.content}
          </pre>
        </section>
      ) : null}

      {headers.length > 0 ? (
        <section aria-labelledby="outbox-headers">
          <h2 id="outbox-headers">{t('outbox.headers')}</h2>
          <dl className="facts facts--compact">
            {headers.map(([name, value]) => (
              <Fact key={name} label={<code>{name}</code>}>
                <code className="outbox__address" dir="ltr">
                  {value}
                </code>
              </Fact>
            ))}
          </dl>
        </section>
      ) : null}
    </div>
  );
}
