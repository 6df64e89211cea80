import { ErrorCode } from '@twinning/contracts';
import { AppError } from '../common/app-error';

export function silencedError(until: Date): AppError {
  return new AppError(
    ErrorCode.SILENCED,
    `A moderator has silenced you in this forum until ${until.toISOString()}; you can read but not write until then.`,
  );
}

export function readOnlyError(): AppError {
  return AppError.forbidden('This forum is read-only for you.');
}
