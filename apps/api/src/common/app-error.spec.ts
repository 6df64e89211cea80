import { API_ERROR_TEXT } from '@twinning/contracts';
import { AppError } from './app-error';

describe('AppError in a language', () => {
  it('keeps its specific English message, and says its code in the other languages', () => {
    const error = AppError.forbidden('Only moderators can resolve flags.');
    expect(error.toApiError()).toEqual({ code: 'FORBIDDEN', message: 'Only moderators can resolve flags.' });
    expect(error.toApiError('ar')).toEqual({ code: 'FORBIDDEN', message: API_ERROR_TEXT.ar.codes.FORBIDDEN });
  });

  it('says a free-text field error is "not accepted" outside English, keeping the field', () => {
    const error = AppError.validation({ startsLocal: ['02:30 does not exist in America/Toronto'] });
    expect(error.toApiError('fr')).toEqual({
      code: 'VALIDATION_FAILED',
      message: API_ERROR_TEXT.fr.codes.VALIDATION_FAILED,
      fields: { startsLocal: ['startsLocal n’a pas été accepté'] },
    });
    expect(error.toApiError('en').fields).toEqual({ startsLocal: ['02:30 does not exist in America/Toronto'] });
  });

  it('words a rule in every language, with its values, and keeps the wait of a rate limit', () => {
    const error = AppError.field('capacity', 'belowRegistered', { min: 12 });
    expect(error.toApiError('es').fields).toEqual({
      capacity: ['capacity no puede ser inferior a los 12 participantes ya inscritos'],
    });
    expect(error.toApiError('en').message).toBe('Invalid field: capacity.');
    const limited = new AppError('RATE_LIMITED', 'Too many.', undefined, 30);
    expect(limited.toApiError('fr')).toEqual({
      code: 'RATE_LIMITED',
      message: API_ERROR_TEXT.fr.codes.RATE_LIMITED,
      retryAfterSeconds: 30,
    });
  });
});
