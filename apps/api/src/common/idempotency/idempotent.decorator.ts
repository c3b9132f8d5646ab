import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

export const IDEMPOTENT_KEY = 'cordon:idempotent';

/** A write that clients may retry: an Idempotency-Key header makes the retry return the first result. */
export function Idempotent(): MethodDecorator {
  return applyDecorators(
    SetMetadata(IDEMPOTENT_KEY, true),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Any unique string (UUID); a retry with the same key returns the first result (kept 24 h).' }),
  );
}
