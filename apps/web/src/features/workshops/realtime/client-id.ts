import { CLIENT_ID_PATTERN } from '@twinning/contracts';

/**
 * A new idempotency key for a message: a random UUID (36 of [0-9a-f-], within CLIENT_ID_PATTERN). Sending
 * the same key again after a dropped connection returns the message already stored, never a second one.
 */
export function newClientId(): string {
  const id =
    typeof crypto.randomUUID === 'function'
      ? crypto.randomUUID()
      : Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
  if (!CLIENT_ID_PATTERN.test(id)) throw new Error(`Invalid client id: ${id}`);
  return id;
}
