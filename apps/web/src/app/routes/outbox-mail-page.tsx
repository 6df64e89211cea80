import { Link, useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { Loading } from '../../components/loading';
import { OutboxMail, useOutboxMail } from '../../features/outbox';
import { isApiRequestError } from '../../lib/api-client';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

/** `/dev/outbox/:id`: one captured mail, as HTML (links open in a new tab) and as text. */
export function OutboxMailPage() {
  const t = useT();
  const { id = '' } = useParams();
  const mail = useOutboxMail(id);
  const back = (
    <p>
      <Link to="/dev/outbox">{t('outbox.back')}</Link>
    </p>
  );

  if (mail.isPending) {
    return (
      <Page title={t('common.loading')}>
        <Loading />
      </Page>
    );
  }
  if (mail.isError) {
    const notFound = isApiRequestError(mail.error) && mail.error.status === 404;
    return (
      <Page title={notFound ? t('outbox.notFound') : t('outbox.title')}>
        {notFound ? null : <FormError error={mail.error} />}
        {back}
      </Page>
    );
  }
  return (
    // The subject is in the recipient's language, which may run the other way than the interface.
    <Page title={mail.data.subject} heading={<bdi>{mail.data.subject}</bdi>}>
      {back}
      <OutboxMail mail={mail.data} />
    </Page>
  );
}
