import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldErrors } from '@twinning/contracts';
import { AppError } from './app-error';

function collect(errors: ValidationError[], prefix: string, out: FieldErrors): void {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      const messages = Object.entries(error.constraints).map(([rule, message]) =>
        rule === 'whitelistValidation' ? `${field} is not an accepted field` : message,
      );
      out[field] = [...(out[field] ?? []), ...messages];
    }
    if (error.children?.length) collect(error.children, field, out);
  }
}

export function validationErrorsToFields(errors: ValidationError[]): FieldErrors {
  const fields: FieldErrors = {};
  collect(errors, '', fields);
  return fields;
}

/** Global pipe: strips nothing silently — unknown fields are rejected, and the error names each field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = validationErrorsToFields(errors);
      const names = Object.keys(fields);
      return AppError.validation(
        fields,
        names.length === 1 ? `Invalid field: ${names[0]}.` : `Invalid fields: ${names.join(', ')}.`,
      );
    },
  });
}
