import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { RateLimitService } from '../rate-limit/rate-limit.service';
import { CertificatesRepository } from './certificates.repository';
import { CertificatesService } from './certificates.service';
import { CredentialKeysService } from './credential-keys.service';

/**
 * The certificates service as the app builds it, outside the app: for the demo seed, which runs before the
 * app starts, and the certificate issuing benchmark:
 * the same signing key (its public half published as at boot), issuer name and public URL. Callers only
 * issue, so its rate limits stay in memory (no Redis connection is opened).
 */
export async function standaloneCertificatesService(
  dataSource: DataSource,
  config: AppConfig,
): Promise<CertificatesService> {
  const repository = new CertificatesRepository(dataSource);
  const keys = new CredentialKeysService(config, repository);
  await keys.onModuleInit();
  return new CertificatesService(
    dataSource,
    config,
    repository,
    keys,
    new RateLimitService({ ...config, redisUrl: null }),
  );
}
