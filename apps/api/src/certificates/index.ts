/** What other folders may use of this feature (docs/architecture.md). */
export { CertificatesModule } from './certificates.module';
export { CertificatesService, type IssueCertificateInput } from './certificates.service';
export type { CertificateRow } from './certificates.repository';
export { standaloneCertificatesService } from './standalone-certificates';
