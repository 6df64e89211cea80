import { useEffect, useRef } from 'react';
import { isolateLtr, useI18n } from '../../../lib/i18n';
import { OutboxHint } from './outbox-hint';
import '../account.css';

/** Shown after registering: no session yet; the link in the mail confirms the address and signs in. */
export function CheckYourMail({ email }: { email: string }) {
  const { t, language } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="notice check-your-mail" aria-labelledby="check-your-mail">
      <h2 id="check-your-mail" ref={heading} tabIndex={-1} className="focus-target">
        {t('account.checkMail.title')}
      </h2>
      <p>{t('account.checkMail.sent', { email: isolateLtr(email, language) })}</p>
      <p>{t('account.checkMail.nothing')}</p>
      <OutboxHint />
    </section>
  );
}
