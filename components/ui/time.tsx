// Dates render in UTC on the server so the markup is identical for every viewer; the title has ISO.
const formatter = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function Time({ value }: { value: Date }) {
  return (
    <time dateTime={value.toISOString()} title={value.toISOString()}>
      {formatter.format(value)} UTC
    </time>
  );
}
