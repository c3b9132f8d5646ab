import { ApiError } from '@cordon/web';

const PERSON_FIELDS = ['fullName', 'idNumber', 'dateOfBirth', 'gender', 'phone', 'relation'];

/**
 * The API's field errors (`details[].field`) keyed by the form's field names: `contacts[0].phone`
 * becomes `contacts.0.phone`, and a bare person field (e.g. `idNumber` of a DUPLICATE) becomes
 * `person.idNumber` when the report is about someone else.
 */
export function fieldErrorsFrom(e: unknown, options: { forSelf?: boolean } = {}): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(e instanceof ApiError)) return out;
  for (const d of e.details) {
    if (!d.field) continue;
    let field = d.field.replace(/\[(\d+)\]/g, '.$1');
    if (options.forSelf === false && PERSON_FIELDS.includes(field)) field = `person.${field}`;
    if (!(field in out)) out[field] = d.message;
  }
  return out;
}
