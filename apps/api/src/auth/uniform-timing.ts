import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Answers that must not tell whether an address has an account (register, forgot password, change
 * of address) take at least this long: the work that differs (a token row, a different mail) is far
 * shorter, so the time of the answer tells nothing. Measured here without it: registering a taken
 * address answered ~4 ms sooner (median of 31), changing to a taken address ~14 ms later.
 */
export const ACCOUNT_ANSWER_MIN_MS = 400;

/** Waits until ACCOUNT_ANSWER_MIN_MS have passed since `started` (a Date.now()). */
export async function answerNoSoonerThan(started: number): Promise<void> {
  const wait = ACCOUNT_ANSWER_MIN_MS - (Date.now() - started);
  if (wait > 0) await sleep(wait);
}
