import { ValidationError, ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
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

/** Input nested deeper than this is refused before class-transformer walks it (it recurses once per level). */
export const MAX_INPUT_DEPTH = 32;

/** Whether a parsed body or query nests objects or arrays deeper than `limit` (iterative: no recursion). */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object' || ArrayBuffer.isView(node)) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

/** ValidationPipe that first refuses absurdly deep input (which would overflow the stack: a 500). */
class BoundedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (nestedDeeperThan(value, MAX_INPUT_DEPTH)) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Invalid input', [{ field: metadata.type, code: 'max_depth', message: `${metadata.type} is nested deeper than ${MAX_INPUT_DEPTH} levels` }]);
    }
    return super.transform(value, metadata);
  }
}

/** Global validation: strip nothing silently (unknown fields are errors), transform to DTO classes. */
export function createValidationPipe(): ValidationPipe {
  return new BoundedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new DomainError(ErrorCode.VALIDATION_FAILED, 'Invalid input', validationDetails(errors)),
  });
}
