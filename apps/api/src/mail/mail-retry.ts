import type { JobSendOptions } from '../jobs/jobs.service';

/** How many times a mail is tried again after a temporary failure before it is marked failed. */
export const MAIL_RETRY_LIMIT = 40;
/** The longest wait between two tries: SMTP coming back is noticed within 15 minutes. */
export const MAIL_RETRY_DELAY_MAX_SECONDS = 900;

/**
 * A `mail.send` job whose process died (SIGKILL, out of memory) is retried once its heartbeat is
 * this old, at pg-boss's next monitor pass: its mail goes out within about 30–90 s of the restart
 * instead of after pg-boss's 15-minute expiry (measured: tools/chaos/mail-kill.mjs).
 */
export const MAIL_HEARTBEAT_SECONDS = 30;

/** The `mail.send` job's retry options: exponential back-off from `firstDelaySeconds`; a heartbeat. */
export function mailRetryOptions(
  firstDelaySeconds: number,
): Required<
  Pick<
    JobSendOptions,
    'retryLimit' | 'retryDelaySeconds' | 'retryBackoff' | 'retryDelayMaxSeconds' | 'heartbeatSeconds'
  >
> {
  return {
    retryLimit: MAIL_RETRY_LIMIT,
    retryDelaySeconds: firstDelaySeconds,
    retryBackoff: true,
    retryDelayMaxSeconds: MAIL_RETRY_DELAY_MAX_SECONDS,
    heartbeatSeconds: MAIL_HEARTBEAT_SECONDS,
  };
}

/**
 * The shortest and longest time between a mail's first try and its last, as pg-boss computes
 * back-off: the n-th retry waits `delay × 2^(n-1) × (1 + random())`, capped at the maximum. The
 * shortest is how long SMTP may be down with no mail lost.
 */
export function retryWindowSeconds(options: ReturnType<typeof mailRetryOptions>): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (let n = 1; n <= options.retryLimit; n++) {
    const base = Math.max(options.retryDelaySeconds, 1) * 2 ** Math.min(16, n - 1);
    min += Math.min(options.retryDelayMaxSeconds, base);
    max += Math.min(options.retryDelayMaxSeconds, base * 2);
  }
  return { min, max };
}

/** What an SMTP error means for the mail: try again, drop it, or drop it and mark the address bouncing. */
export type SmtpFailure = 'temporary' | 'rejected' | 'bounce';

/**
 * Nodemailer's errors carry the server's reply code and the command it answered. A 5xx at RCPT TO
 * refuses the address itself (it bounces); a 5xx to the sender or the message refuses this mail
 * only. Everything else (no connection, timeouts, 4xx, authentication that a fixed setting will
 * repair) is temporary.
 */
export function classifySmtpError(error: unknown): SmtpFailure {
  const { responseCode, command } = (error ?? {}) as { responseCode?: number; command?: string };
  if (typeof responseCode !== 'number' || responseCode < 500 || responseCode > 599) return 'temporary';
  const verb = (command ?? '').toUpperCase();
  if (verb.startsWith('RCPT')) return 'bounce';
  if (verb.startsWith('MAIL') || verb.startsWith('DATA') || verb === '' || verb.startsWith('BDAT')) return 'rejected';
  return 'temporary';
}
