import { classifySmtpError, mailRetryOptions, MAIL_RETRY_LIMIT, retryWindowSeconds } from './mail-retry';

describe('mail retries', () => {
  it('keeps trying for far more than an hour with the default first delay', () => {
    const window = retryWindowSeconds(mailRetryOptions(10));
    expect(window.min).toBeGreaterThanOrEqual(3600 * 6);
    // back-off: never more than 15 minutes between two tries, so SMTP's return is noticed soon
    expect(window.max).toBeLessThanOrEqual(MAIL_RETRY_LIMIT * 900);
  });

  it('still covers an hour with the shortest first delay (1 s, as the tests use)', () => {
    expect(retryWindowSeconds(mailRetryOptions(1)).min).toBeGreaterThanOrEqual(3600);
  });

  it('doubles the delay from the first retry up to the cap, as pg-boss computes it', () => {
    const options = { ...mailRetryOptions(10), retryLimit: 1 };
    expect(retryWindowSeconds(options)).toEqual({ min: 10, max: 20 });
    expect(retryWindowSeconds({ ...options, retryLimit: 3 })).toEqual({ min: 10 + 20 + 40, max: 20 + 40 + 80 });
    // the 8th retry would wait 1,280–2,560 s without the cap
    expect(retryWindowSeconds({ ...options, retryLimit: 8 }).min).toBe(10 + 20 + 40 + 80 + 160 + 320 + 640 + 900);
  });

  it('tells a refused address from a refused message and from a temporary failure', () => {
    expect(classifySmtpError({ responseCode: 550, command: 'RCPT TO' })).toBe('bounce');
    expect(classifySmtpError({ responseCode: 552, command: 'DATA' })).toBe('rejected');
    expect(classifySmtpError({ responseCode: 553, command: 'MAIL FROM' })).toBe('rejected');
    expect(classifySmtpError({ responseCode: 450, command: 'RCPT TO' })).toBe('temporary');
    expect(classifySmtpError({ responseCode: 421, command: 'CONN' })).toBe('temporary');
    expect(classifySmtpError({ responseCode: 535, command: 'AUTH PLAIN' })).toBe('temporary');
    expect(classifySmtpError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNECTION' }))).toBe(
      'temporary',
    );
    expect(classifySmtpError(undefined)).toBe('temporary');
  });
});
