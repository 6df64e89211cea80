import { useMutation } from '@tanstack/react-query';
import type { CertificateDto } from '@twinning/contracts';
import { fetchAuthorizedBlob, saveBlob } from '../../../lib/authorized-download';

/** Fetches the certificate's PDF with the session's token and saves it. */
export async function downloadCertificatePdf(certificate: Pick<CertificateDto, 'id' | 'verificationCode'>) {
  const blob = await fetchAuthorizedBlob(`/api/certificates/${certificate.id}/pdf`);
  saveBlob(blob, `certificate-${certificate.verificationCode}.pdf`);
}

export function useDownloadCertificatePdf() {
  return useMutation({ mutationFn: downloadCertificatePdf });
}
