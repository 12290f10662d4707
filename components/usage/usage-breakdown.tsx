import type { ReactNode } from "react";

type Day = { day: string; tokens: number; requests: number };
type Model = { model: string; requests: number; inputTokens: number; outputTokens: number; tokens: number };
type Source = { source: string; label: string; requests: number; tokens: number };

const tokens = (value: number) => value.toLocaleString("en-US");
const cell = "py-1.5 pr-3 text-right tabular-nums";
// Prompt and completion columns give way on a phone; the total stays.
const wide = "hidden sm:table-cell";

// Tokens by day (a bar per UTC day; the table below it holds the numbers), by model and by where they
// were spent.
export function UsageBreakdown({ days, models, sources, total, requests, estimated }: { days: Day[]; models: Model[]; sources: Source[]; total: number; requests: number; estimated: number }) {
  const peak = Math.max(1, ...days.map((day) => day.tokens));
  return (
    <div className="space-y-6">
      <p className="text-sm text-muted-foreground">
        <span className="font-medium text-foreground" data-testid="usage-total">
          {tokens(total)}
        </span>{" "}
        tokens in {tokens(requests)} requests over the last {days.length} days
        {estimated > 0 ? ` (${tokens(estimated)} estimated: the provider reported no usage for them)` : ""}.
      </p>
      <figure>
        <div className="flex h-32 items-end gap-0.5" aria-hidden="true">
          {days.map((day) => (
            <div key={day.day} title={`${day.day}: ${tokens(day.tokens)} tokens`} className="flex-1 rounded-t bg-primary/80" style={{ height: `${day.tokens === 0 ? 0 : Math.max(2, Math.round((day.tokens / peak) * 100))}%` }} />
          ))}
        </div>
        <figcaption className="mt-1 flex justify-between text-xs text-muted-foreground">
          <span>{days[0]?.day}</span>
          <span>{days.at(-1)?.day}</span>
        </figcaption>
      </figure>
      <UsageTable caption="By model" head={["Model", "Requests", "Prompt", "Completion", "Total"]} wideOnly={[2, 3]} empty={models.length === 0} testId="usage-by-model">
        {models.map((row) => (
          <tr key={row.model} className="border-t border-border">
            <td className="py-1.5 pr-3 [overflow-wrap:anywhere]">{row.model}</td>
            <td className={cell}>{tokens(row.requests)}</td>
            <td className={`${cell} ${wide}`}>{tokens(row.inputTokens)}</td>
            <td className={`${cell} ${wide}`}>{tokens(row.outputTokens)}</td>
            <td className={cell}>{tokens(row.tokens)}</td>
          </tr>
        ))}
      </UsageTable>
      <UsageTable caption="By source" head={["Source", "Requests", "Tokens"]} empty={sources.length === 0} testId="usage-by-source">
        {sources.map((row) => (
          <tr key={row.source} className="border-t border-border">
            <td className="py-1.5 pr-3">{row.label}</td>
            <td className={cell}>{tokens(row.requests)}</td>
            <td className={cell}>{tokens(row.tokens)}</td>
          </tr>
        ))}
      </UsageTable>
      <UsageTable caption="By day" head={["Day (UTC)", "Requests", "Tokens"]} empty={days.every((day) => day.requests === 0)} testId="usage-by-day">
        {days
          .filter((day) => day.requests > 0)
          .reverse()
          .map((day) => (
            <tr key={day.day} className="border-t border-border">
              <td className="py-1.5 pr-3">{day.day}</td>
              <td className={cell}>{tokens(day.requests)}</td>
              <td className={cell}>{tokens(day.tokens)}</td>
            </tr>
          ))}
      </UsageTable>
    </div>
  );
}

type TableProps = { caption: string; head: string[]; wideOnly?: number[]; empty: boolean; testId: string; children: ReactNode };

function UsageTable({ caption, head, wideOnly = [], empty, testId, children }: TableProps) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid={testId}>
        <caption className="mb-2 text-left font-medium">{caption}</caption>
        <thead>
          <tr className="text-muted-foreground">
            {head.map((label, index) => (
              <th key={label} scope="col" className={`py-1.5 pr-3 font-normal ${index === 0 ? "text-left" : "text-right"} ${wideOnly.includes(index) ? wide : ""}`}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {empty ? (
            <tr>
              <td colSpan={head.length} className="py-1.5 text-muted-foreground">
                No usage yet.
              </td>
            </tr>
          ) : (
            children
          )}
        </tbody>
      </table>
    </div>
  );
}
