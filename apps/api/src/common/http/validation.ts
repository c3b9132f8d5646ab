import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ErrorCode, type ErrorDetail } from '@cordon/contracts';
import { DomainError } from '../errors/domain-error';

/** class-validator errors as the error shape's field-level details. */
export function validationDetails(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([code, message]) => ({
      field,
      code: code === 'whitelistValidation' ? 'unknown_field' : code,
      message,
    }));
    return [...own, ...validationDetails(e.children ?? [], field)];
  });
}

/** Global validation: strip nothing silently (unknown fields are errors), transform to DTO classes. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new DomainError(ErrorCode.VALIDATION_FAILED, 'Invalid input', validationDetails(errors)),
  });
}
