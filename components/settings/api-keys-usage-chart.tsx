import type { ApiKeyUsageDay } from "@/lib/api-keys/constants";

const DAYS = 30;

function lastDays(today: Date): string[] {
  return Array.from({ length: DAYS }, (_, i) => new Date(today.getTime() - (DAYS - 1 - i) * 86_400_000).toISOString().slice(0, 10));
}

// Requests per UTC day over the last 30 days, as small bars; the numbers are in the table below them.
export function ApiKeyUsageChart({ days, now }: { days: ApiKeyUsageDay[]; now: Date }) {
  const byDay = new Map(days.map((day) => [day.day, day]));
  const series = lastDays(now).map((day) => ({ day, requests: byDay.get(day)?.requests ?? 0 }));
  const max = Math.max(1, ...series.map((point) => point.requests));
  const used = days.filter((day) => day.requests > 0);
  if (used.length === 0) return null;
  return (
    <div className="space-y-2">
      <svg viewBox={`0 0 ${DAYS * 4} 24`} className="h-6 w-full max-w-60 text-foreground/70" aria-hidden="true" preserveAspectRatio="none">
        <rect x={0} y={23.5} width={DAYS * 4} height={0.5} fill="currentColor" opacity={0.3} />
        {series.map((point, i) => {
          if (point.requests === 0) return null;
          const height = Math.max(2, (point.requests / max) * 24);
          return <rect key={point.day} x={i * 4} y={24 - height} width={3} height={height} fill="currentColor" />;
        })}
      </svg>
      <details className="text-xs">
        <summary className="cursor-pointer text-muted-foreground">Daily usage</summary>
        <table className="mt-2 w-full max-w-sm text-left">
          <thead className="text-muted-foreground">
            <tr>
              <th scope="col" className="font-normal">Day (UTC)</th>
              <th scope="col" className="font-normal">Requests</th>
              <th scope="col" className="font-normal">Tokens in</th>
              <th scope="col" className="font-normal">Tokens out</th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {[...used].reverse().map((day) => (
              <tr key={day.day}>
                <th scope="row" className="font-normal">{day.day}</th>
                <td>{day.requests}</td>
                <td>{day.inputTokens}</td>
                <td>{day.outputTokens}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
