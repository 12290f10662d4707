// Server-Timing (RFC: W3C Server Timing): where a request's server time went, as durations in
// milliseconds and nothing else. Browser devtools show it; the benchmarks (docs/benchmarks.md) read it.
export type Timings = Record<string, number>;

export function serverTimingHeader(timings: Timings): string {
  return Object.entries(timings)
    .map(([name, ms]) => `${name};dur=${ms.toFixed(2)}`)
    .join(", ");
}

// Adds to what the handler may have set itself (the outer wrappers time the whole request).
export function setServerTiming(response: Response, timings: Timings): void {
  const inner = response.headers.get("server-timing");
  response.headers.set("server-timing", [serverTimingHeader(timings), inner].filter(Boolean).join(", "));
}
