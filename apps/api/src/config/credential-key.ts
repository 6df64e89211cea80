import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where a generated signing key lives under DATA_DIR (outside production only). */
export const GENERATED_CREDENTIAL_KEY_FILE = 'credential-signing-key.pem';

/**
 * The RSA private key (PKCS#8 PEM) that signs certificates' credentials, or an error message.
 * Accepts PEM with real newlines or with `\n` escapes (one-line environment values).
 */
export function parseCredentialKey(raw: string): { pem: string } | { problem: string } {
  const text = raw.trim().replace(/\\n/g, '\n');
  try {
    const key = createPrivateKey(text);
    if (key.asymmetricKeyType !== 'rsa') return { problem: 'must be an RSA private key (RS256)' };
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    if (bits < 2048) return { problem: `must be at least 2048 bits, got ${bits}` };
    return { pem: key.export({ type: 'pkcs8', format: 'pem' }).toString() };
  } catch {
    return { problem: 'is not a PEM private key (-----BEGIN PRIVATE KEY----- …)' };
  }
}

/** Reads the key generated under dataDir, or generates one (RSA 2048) there. */
export function readOrCreateCredentialKey(dataDir: string): string {
  const file = path.join(dataDir, GENERATED_CREDENTIAL_KEY_FILE);
  if (existsSync(file)) {
    const parsed = parseCredentialKey(readFileSync(file, 'utf8'));
    if ('pem' in parsed) return parsed.pem;
  }
  mkdirSync(dataDir, { recursive: true });
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  writeFileSync(file, pem, { mode: 0o600 });
  chmodSync(file, 0o600);
  return pem;
}
