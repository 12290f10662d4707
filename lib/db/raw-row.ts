// Rows read with raw SQL come back from two drivers (PostgreSQL, SQLite) without the ORM's typing.
// An expiry check on an invalid date compares NaN and is always false, which would keep an expired
// credential alive, so anything that is not a valid date throws instead of passing.
export function dateFromRow(value: unknown): Date {
  const date = value instanceof Date ? value : typeof value === "string" ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) throw new Error(`the database returned ${typeof value} where a date was expected`);
  return date;
}

export function optionalDateFromRow(value: unknown): Date | null {
  return value === null ? null : dateFromRow(value);
}
