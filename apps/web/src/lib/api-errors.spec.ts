import { describe, expect, it } from 'vitest';
import { ApiRequestError } from './api-client';
import { describeError, localizedFieldErrors, withoutFieldKey } from './api-errors';
import { createTranslator } from './i18n';

describe('localizedFieldErrors', () => {
  const refused = new ApiRequestError(400, {
    code: 'VALIDATION_FAILED',
    message: 'Invalid fields: timeZone, languages.0.',
    fields: { timeZone: ['timeZone must be an IANA time zone'], 'languages.0': ['languages must be language tags'] },
  });

  it('keeps the API’s own wording in English, grouped by top-level field, without the field’s key', () => {
    expect(localizedFieldErrors(refused, createTranslator('en'), 'en')).toEqual({
      timeZone: ['Must be an IANA time zone'],
      languages: ['languages must be language tags'],
    });
    expect(localizedFieldErrors(refused, createTranslator('en'), 'en', { keepFieldKeys: true })).toEqual({
      timeZone: ['timeZone must be an IANA time zone'],
      languages: ['languages must be language tags'],
    });
  });

  it('leaves the key out of a message said next to its field, in any language', () => {
    expect(withoutFieldKey('password must be at least 12 characters long', 'password')).toBe(
      'Must be at least 12 characters long',
    );
    expect(withoutFieldKey('currentPassword n’est pas votre mot de passe actuel', 'currentPassword')).toBe(
      'N’est pas votre mot de passe actuel',
    );
    expect(withoutFieldKey('يجب ألا يقل password عن 12 حرفًا', 'password')).toBe('يجب ألا يقل عن 12 حرفًا');
    expect(withoutFieldKey('toCityId: choose another city than your own', 'toCityId')).toBe(
      'Choose another city than your own',
    );
    expect(withoutFieldKey('passwords differ', 'password')).toBe('passwords differ');
  });

  it('shows the API’s words when the call asked for the interface language', () => {
    const inArabic = new ApiRequestError(
      400,
      {
        code: 'VALIDATION_FAILED',
        message: 'حقل غير صالح: timeZone.',
        fields: { timeZone: ['يجب أن يكون timeZone منطقة'] },
      },
      null,
      'ar',
    );
    expect(localizedFieldErrors(inArabic, createTranslator('ar'), 'ar')).toEqual({
      timeZone: ['يجب أن يكون منطقة'],
    });
    const en = createTranslator('en');
    expect(localizedFieldErrors(inArabic, en, 'en')).toEqual({ timeZone: [en('errors.fieldRejected')] });
  });

  it('shows a translated message for each refused field worded in another language', () => {
    const ar = createTranslator('ar');
    expect(localizedFieldErrors(refused, ar, 'ar')).toEqual({
      timeZone: [ar('errors.fieldRejected')],
      languages: [ar('errors.fieldRejected')],
    });
    const wrongPassword = new ApiRequestError(400, {
      code: 'VALIDATION_FAILED',
      message: 'Some fields are invalid.',
      fields: { currentPassword: ['currentPassword is not your current password'] },
    });
    const fr = createTranslator('fr');
    expect(localizedFieldErrors(wrongPassword, fr, 'fr')).toEqual({ currentPassword: [fr('errors.fieldRejected')] });
  });

  it('tells an unverified user what to do when posting or joining is refused', () => {
    const refusal = new ApiRequestError(403, {
      code: 'EMAIL_NOT_VERIFIED',
      message: 'Confirm your email address first.',
    });
    const en = createTranslator('en');
    expect(describeError(en, refusal)).toMatch(/follow the link we mailed you/);
    expect(describeError(createTranslator('ar'), refusal)).toBe(createTranslator('ar')('errors.EMAIL_NOT_VERIFIED'));
  });
});

describe('describeError: workshop refusals', () => {
  const en = createTranslator('en');
  const ar = createTranslator('ar');

  it('says how long a mute or slow mode lasts when the refusal says it (socket acks and HTTP alike)', () => {
    expect(describeError(en, { code: 'MUTED', message: 'Muted.', retryAfterSeconds: 90 })).toBe(
      'A facilitator has muted you in this workshop. You can write again in 90 seconds.',
    );
    expect(describeError(en, { code: 'SLOW_MODE', message: 'Slow mode.', retryAfterSeconds: 1 })).toBe(
      'Slow mode is on: you can send your next message in 1 second.',
    );
    expect(describeError(ar, { code: 'SLOW_MODE', message: 'Slow mode.', retryAfterSeconds: 2 })).toBe(
      'الوضع البطيء مفعّل: يمكنك إرسال رسالتك التالية بعد ثانيتين.',
    );
    const limited = new ApiRequestError(429, { code: 'RATE_LIMITED', message: 'Too many.' }, 7);
    expect(describeError(en, limited)).toBe('Too many attempts. Try again in 7 seconds.');
  });

  it('words the other workshop codes in every language', () => {
    expect(describeError(en, { code: 'MUTED', message: 'Muted.' })).toBe(
      'A facilitator has muted you in this workshop for now.',
    );
    const full = new ApiRequestError(409, { code: 'WORKSHOP_FULL', message: 'This workshop is full.' });
    expect(describeError(en, full)).toBe('This workshop is full: every place is taken.');
    expect(describeError(ar, full)).toBe('ورشة العمل هذه مكتملة: حُجزت كل المقاعد.');
    for (const language of ['en', 'fr', 'es', 'ar'] as const) {
      const t = createTranslator(language);
      for (const code of ['MUTED', 'ROOM_LOCKED', 'SLOW_MODE', 'WORKSHOP_FULL', 'REMOVED'] as const) {
        expect(describeError(t, { code, message: code })).not.toMatch(/^errors\./);
      }
    }
    expect(describeError(en, 'not an error')).toBe('Something unexpected happened. Please try again.');
  });
});
