import { Transform } from 'class-transformer';

/** Trims strings (and leaves other values for the validators to reject). */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Trims and lower-cases strings (emails). */
export const TrimLower = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

/** Query-string integer: "20" → 20; anything else is left for the validators to reject. */
export const QueryInt = () =>
  Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value));

/** Query-string boolean: "true"/"1" → true, "false"/"0" → false; anything else is left for the validators. */
export const QueryBool = () =>
  Transform(({ value }) =>
    value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value,
  );
