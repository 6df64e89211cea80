import { ValidationPipe } from '@nestjs/common';
import { AppError } from './app-error';
import { validationErrorsToIssues } from './field-issues';

/**
 * Global pipe: strips nothing silently — unknown fields are rejected, and the error names each field. Each
 * problem is kept by rule (the contracts' texts), so the error filter can word it in the language the request
 * asks for (`Accept-Language`); English keeps the words a DTO chose (`message`). The validated object
 * (`target`) is kept in the errors only to find each constraint's arguments; it never reaches a response.
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
