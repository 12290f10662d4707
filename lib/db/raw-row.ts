// Rows read with raw SQL come back from two drivers (PostgreSQL, SQLite) without the ORM's typing.
// An expiry check on an invalid date compares NaN and is always false, which would keep an expired
// credential alive, so anything that is not a valid date throws instead of passing. A string without a time
// zone would be read as the server's local time (hours off), so only ISO strings with Z or an offset pass.
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

export function dateFromRow(value: unknown): Date {
  const date = value instanceof Date ? value : typeof value === "string" && ISO_WITH_ZONE.test(value) ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) throw new Error(`the database returned ${typeof value} where a date was expected`);
  return date;
}

export function optionalDateFromRow(value: unknown): Date | null {
  return value === null ? null : dateFromRow(value);
}
