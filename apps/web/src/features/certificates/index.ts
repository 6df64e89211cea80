export { certificateKeys } from './api/certificates.keys';
export { CertificateVerification } from './components/certificate-verification';
export { MyCertificates } from './components/my-certificates';
