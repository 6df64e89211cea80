import { ValidationPipe } from '@nestjs/common';
import { AppError } from './app-error';
import { validationErrorsToIssues } from './field-issues';

/**
 * Global pipe: strips nothing silently — unknown fields are rejected, and the error names each field. The
 * messages come from the contracts' texts, keyed by rule, so the error filter can word them in the language
 * the request asks for (`Accept-Language`). The validated object (`target`) is kept in the errors only to find
 * each constraint's arguments; it never reaches a response.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => AppError.fromIssues(validationErrorsToIssues(errors)),
  });
}
