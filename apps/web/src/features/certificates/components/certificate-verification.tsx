import { Link } from 'react-router';
import { FormError } from '../../../components/form-error';
import { Loading } from '../../../components/loading';
import { ApiRequestError } from '../../../lib/api-client';
import { useFormat, useT } from '../../../lib/i18n';
import { useCertificateVerification } from '../api/verify-certificate';
import { groupedCode } from '../certificate-code';
import '../certificates.css';

/**
 * The public verification of a certificate (`/verify/<code>`): valid or revoked (when and why), and only what
 * the certificate itself shows. The signed credential is there for verifiers that check it themselves.
 */
export function CertificateVerification({ code }: { code: string }) {
  const t = useT();
  const format = useFormat();
  const verification = useCertificateVerification(code);

  if (verification.isPending) return <Loading />;
  if (verification.isError) {
    if (verification.error instanceof ApiRequestError && verification.error.code === 'NOT_FOUND') {
      return (
        <p className="alert alert--error" role="alert">
          {t('certificates.verify.notFound')}
        </p>
      );
    }
    return <FormError error={verification.error} />;
  }
  const c = verification.data;
  const revoked = c.revoked;
  return (
    <div className="stack">
      <div className={`certificate-verdict certificate-verdict--${c.status}`} role="status">
        <p>
          {revoked
            ? t('certificates.verify.revoked', { date: format.date(revoked.at) })
            : t('certificates.verify.valid')}
        </p>
        {revoked ? <p>{t('certificates.verify.reason', { reason: revoked.reason })}</p> : null}
      </div>
      <dl className="certificate-facts">
        <dt>{t('certificates.fields.learner')}</dt>
        <dd>
          <bdi>{c.learnerName}</bdi>
        </dd>
        <dt>{t('certificates.fields.title')}</dt>
        <dd>
          <bdi>{c.title}</bdi>
        </dd>
        <dt>{t('certificates.fields.kind')}</dt>
        <dd>{t(`certificates.kinds.${c.sourceKind}`)}</dd>
        <dt>{t('certificates.fields.hours')}</dt>
        <dd>{format.number(c.hours)}</dd>
        <dt>{t('certificates.fields.issuedAt')}</dt>
        <dd>{format.date(c.issuedAt)}</dd>
        <dt>{t('certificates.fields.issuer')}</dt>
        <dd>
          <bdi>{c.issuerName}</bdi>
        </dd>
        <dt>{t('certificates.fields.code')}</dt>
        <dd>
          <code dir="ltr">{groupedCode(c.verificationCode)}</code>
        </dd>
      </dl>
      <details>
        <summary>{t('certificates.verify.offlineHeading')}</summary>
        <p>{t('certificates.verify.offlineHelp')}</p>
        <p>
          <a href="/.well-known/jwks.json" dir="ltr">
            /.well-known/jwks.json
          </a>
        </p>
        <label className="field__label" htmlFor="certificate-credential">
          {t('certificates.verify.credentialLabel')}
        </label>
        <textarea
          id="certificate-credential"
          className="certificate-credential"
          dir="ltr"
          readOnly
          value={c.credentialJwt}
        />
      </details>
      <p>
        <Link to="/">{t('certificates.verify.home')}</Link>
      </p>
    </div>
  );
}
