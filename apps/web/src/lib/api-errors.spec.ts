import { describe, expect, it } from 'vitest';
import { ApiRequestError } from './api-client';
import { localizedFieldErrors } from './api-errors';
import { createTranslator } from './i18n';

describe('localizedFieldErrors', () => {
  const refused = new ApiRequestError(400, {
    code: 'VALIDATION_FAILED',
    message: 'Invalid fields: timeZone, languages.0.',
    fields: { timeZone: ['timeZone must be an IANA time zone'], 'languages.0': ['languages must be language tags'] },
  });

  it('keeps the API’s own wording in English, grouped by top-level field', () => {
    expect(localizedFieldErrors(refused, createTranslator('en'), 'en')).toEqual({
      timeZone: ['timeZone must be an IANA time zone'],
      languages: ['languages must be language tags'],
    });
  });

  it('shows a translated message for each refused field in the other languages', () => {
    const ar = createTranslator('ar');
    expect(localizedFieldErrors(refused, ar, 'ar')).toEqual({
      timeZone: [ar('errors.fieldRejected')],
      languages: [ar('errors.fieldRejected')],
    });
    const taken = new ApiRequestError(409, {
      code: 'EMAIL_TAKEN',
      message: 'An account with this email already exists.',
      fields: { email: ['an account with this email already exists'] },
    });
    const fr = createTranslator('fr');
    expect(localizedFieldErrors(taken, fr, 'fr')).toEqual({ email: [fr('errors.EMAIL_TAKEN')] });
    expect(fr('errors.EMAIL_TAKEN')).not.toMatch(/account/);
  });
});
