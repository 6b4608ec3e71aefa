import { DomainError } from '@app/common';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,100}$/;

/** The Idempotency-Key header, checked: null when absent, a 400 naming it when malformed. */
export function idempotencyKeyOf(header: string | undefined): string | null {
  if (header === undefined) return null;
  if (!IDEMPOTENCY_KEY.test(header)) {
    throw DomainError.invalid('CASEWORK.BAD_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1 to 100 letters, digits, ".", "_", ":" or "-"');
  }
  return header;
}
