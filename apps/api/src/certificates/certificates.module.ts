import { Module } from '@nestjs/common';
import { WorkshopsModule } from '../workshops';
import {
  AdminCertificatesController,
  CertificatesController,
  CertificateVerificationController,
  JwksController,
  WorkshopCertificatesController,
} from './certificates.controller';
import { CertificatesRepository } from './certificates.repository';
import { CertificatesService } from './certificates.service';
import { CredentialKeysService } from './credential-keys.service';
import { WorkshopCertificatesService } from './workshop-certificates.service';

@Module({
  imports: [WorkshopsModule],
  controllers: [
    CertificatesController,
    CertificateVerificationController,
    AdminCertificatesController,
    WorkshopCertificatesController,
    JwksController,
  ],
  providers: [CertificatesRepository, CredentialKeysService, CertificatesService, WorkshopCertificatesService],
  exports: [CertificatesService],
})
export class CertificatesModule {}
