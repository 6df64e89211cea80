import type { CertificateDto } from '@twinning/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { FormError } from '../../../components/form-error';
import { Loading } from '../../../components/loading';
import { StatusMessage } from '../../../components/status-message';
import { useFormat, useT } from '../../../lib/i18n';
import { useDownloadCertificatePdf } from '../api/download-certificate-pdf';
import { useMyCertificates } from '../api/get-my-certificates';
import '../certificates.css';

/** The signed-in learner's certificates (Profile): download the PDF, copy or open the verification link. */
export function MyCertificates() {
  const t = useT();
  const format = useFormat();
  const certificates = useMyCertificates();
  const download = useDownloadCertificatePdf();
  const [copied, setCopied] = useState<string | null>(null);

  if (certificates.isPending) return <Loading />;
  if (certificates.isError) return <FormError error={certificates.error} />;
  if (certificates.data.length === 0) return <p>{t('certificates.mine.none')}</p>;

  const copy = async (c: CertificateDto) => {
    await navigator.clipboard?.writeText(c.verificationUrl).catch(() => undefined);
    setCopied(c.id);
  };
  return (
    <div className="stack">
      <ul className="my-certificates">
        {certificates.data.map((c) => (
          <li key={c.id} className="my-certificates__item">
            <h3 className="my-certificates__title">
              <bdi>{c.title}</bdi>
              {c.revoked ? <span className="badge badge--rejected">{t('certificates.mine.revoked')}</span> : null}
            </h3>
            <p className="muted">
              {t('certificates.mine.summary', {
                kind: t(`certificates.kinds.${c.sourceKind}`),
                hours: format.number(c.hours),
                date: format.date(c.issuedAt),
              })}
            </p>
            <div className="my-certificates__actions">
              <button
                type="button"
                className="button button--small"
                disabled={download.isPending}
                onClick={() => download.mutate(c)}
              >
                {t('certificates.mine.download')}
              </button>
              <button type="button" className="button button--secondary button--small" onClick={() => void copy(c)}>
                {t('certificates.mine.copyLink')}
              </button>
              <Link
                className="button button--secondary button--small button--link"
                to={`/verify/${c.verificationCode}`}
              >
                {t('certificates.mine.open')}
              </Link>
            </div>
          </li>
        ))}
      </ul>
      <StatusMessage className="status--success">{copied ? t('certificates.mine.copied') : ''}</StatusMessage>
      <FormError error={download.error} />
    </div>
  );
}
