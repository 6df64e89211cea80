import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { calculateJwkThumbprint, importPKCS8, SignJWT, type JWK, type JWTPayload } from 'jose';
import { createPublicKey } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CertificatesRepository } from './certificates.repository';

export const CREDENTIAL_ALG = 'RS256';

export interface Jwks {
  keys: JWK[];
}

/**
 * The key that signs credentials (CREDENTIAL_SIGNING_KEY) and the published public keys. The current
 * key's public half is stored when the app starts and again with every issued certificate; a key
 * that is no longer configured stays published as retired, so what it signed still verifies.
 */
@Injectable()
export class CredentialKeysService implements OnModuleInit {
  private privateKey!: Awaited<ReturnType<typeof importPKCS8>>;
  private publicJwk!: JWK;
  private kidValue!: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: CertificatesRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    const pem = this.config.credentialSigningKey;
    this.privateKey = await importPKCS8(pem, CREDENTIAL_ALG);
    const { n, e, kty } = createPublicKey(pem).export({ format: 'jwk' }) as { n: string; e: string; kty: string };
    const thumbprint = await calculateJwkThumbprint({ kty, n, e });
    this.kidValue = thumbprint;
    this.publicJwk = { kty, n, e, kid: thumbprint, alg: CREDENTIAL_ALG, use: 'sig' };
    await this.publish();
  }

  get kid(): string {
    return this.kidValue;
  }

  /** Stores the current public key (idempotent) and retires the others. */
  publish(manager?: EntityManager): Promise<void> {
    return this.repository.publishKey(manager, this.kidValue, this.publicJwk);
  }

  /** Every public key ever used, the current one first. */
  async jwks(): Promise<Jwks> {
    const stored = await this.repository.publicKeys();
    const others = stored.filter((k) => k.kid !== this.kidValue).map((k) => k.public_jwk as JWK);
    return { keys: [this.publicJwk, ...others] };
  }

  /** Signs `payload` as a JWT with the current key (kid in the header). */
  sign(payload: JWTPayload, typ: string): Promise<string> {
    return new SignJWT(payload)
      .setProtectedHeader({ alg: CREDENTIAL_ALG, kid: this.kidValue, typ })
      .sign(this.privateKey);
  }
}
