// Measuring: percentiles, timed HTTP requests on a kept-alive connection, and interleaved runs (the
// variants in the same run, taking turns, so machine noise falls on all of them), one request at a time
// or under load with autocannon.
import http from "node:http";
import autocannon from "autocannon";
import { cpuMsOf } from "./rig";

export type Stats = { n: number; p50: number; p99: number; mean: number; min: number; max: number };

// Nearest-rank percentile of unsorted samples.
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function stats(samples: number[]): Stats {
  const n = samples.length;
  return {
    n,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    mean: n ? samples.reduce((a, b) => a + b, 0) / n : NaN,
    min: n ? Math.min(...samples) : NaN,
    max: n ? Math.max(...samples) : NaN,
  };
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));

// `auth;dur=0.42, app;dur=3.10` → { auth: 0.42, app: 3.1 }
export function parseServerTiming(header: string | string[] | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const entry of String(header ?? "").split(",")) {
    const match = entry.trim().match(/^([\w-]+);dur=([\d.]+)/);
    if (match) out[match[1]!] = Number(match[2]);
  }
  return out;
}

export type Timed = { status: number; ms: number; headers: http.IncomingHttpHeaders; bytes: number; body: Buffer };

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

// One request on a kept-alive connection, timed from sending to the last byte of the body (as sent:
// `bytes` is the size on the wire when the body is compressed).
export function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(url, { method: options.method ?? "GET", headers: options.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, headers: res.headers, bytes: body.length, body });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

export type Variant = { name: string; url: string; headers?: Record<string, string>; method?: string; body?: string };
// cpuMsPerRequest: the server process's CPU time per response (when its pid is given), which
// stays meaningful when other work on the machine takes CPU away from the server.
export type LoadResult = { name: string; requests: number; seconds: number; rps: number; latency: Stats; non2xx: number; errors: number; cpuMsPerRequest: number };

function runAutocannon(variant: Variant, connections: number, seconds: number): Promise<{ latencies: number[]; ok: number; non2xx: number; errors: number; seconds: number }> {
  const latencies: number[] = [];
  let ok = 0;
  let non2xx = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: variant.url, method: (variant.method ?? "GET") as "GET", headers: variant.headers, body: variant.body, connections, duration: seconds },
      (error, result) => {
        if (error) return reject(error);
        resolve({ latencies, ok, non2xx, errors: result.errors + result.timeouts, seconds: result.duration });
      },
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) {
        ok += 1;
        latencies.push(responseTime);
      } else non2xx += 1;
    });
  });
}

// Latency one request at a time, the variants taking turns request by request (so a burst of load
// from elsewhere on the machine falls on all of them alike), after a warm-up of each.
export async function compareLatency(input: { variants: Variant[]; count: number; warmup?: number }): Promise<{ name: string; latency: Stats; samples: number[] }[]> {
  const { variants, count } = input;
  const samples = variants.map(() => [] as number[]);
  for (let i = -(input.warmup ?? 20); i < count; i++) {
    const order = i % 2 === 0 ? variants.map((_, n) => n) : variants.map((_, n) => variants.length - 1 - n);
    for (const n of order) {
      const variant = variants[n]!;
      const response = await request(variant.url, { method: variant.method, headers: variant.headers, body: variant.body });
      if (response.status < 200 || response.status >= 300) throw new Error(`${variant.name}: HTTP ${response.status}`);
      if (i >= 0) samples[n]!.push(response.ms);
    }
  }
  return variants.map((variant, n) => ({ name: variant.name, latency: stats(samples[n]!), samples: samples[n]! }));
}

// Every variant in every round, alternating the order, after a warm-up of each.
export async function compareLoad(input: {
  variants: Variant[];
  connections: number;
  seconds: number;
  rounds: number;
  warmupSeconds?: number;
  serverPid?: number;
}): Promise<LoadResult[]> {
  const { variants, connections, seconds, rounds, serverPid } = input;
  for (const variant of variants) await runAutocannon(variant, connections, input.warmupSeconds ?? 1);
  const totals = new Map(variants.map((v) => [v.name, { latencies: [] as number[], ok: 0, non2xx: 0, errors: 0, seconds: 0, cpuMs: 0 }]));
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? variants : [...variants].reverse();
    for (const variant of order) {
      const cpuBefore = serverPid ? cpuMsOf(serverPid) : 0;
      const run = await runAutocannon(variant, connections, seconds);
      const total = totals.get(variant.name)!;
      total.cpuMs += serverPid ? cpuMsOf(serverPid) - cpuBefore : NaN;
      total.latencies.push(...run.latencies);
      total.ok += run.ok;
      total.non2xx += run.non2xx;
      total.errors += run.errors;
      total.seconds += run.seconds;
    }
  }
  return variants.map(({ name }) => {
    const t = totals.get(name)!;
    return {
      name,
      requests: t.ok,
      seconds: t.seconds,
      rps: t.ok / t.seconds,
      latency: stats(t.latencies),
      non2xx: t.non2xx,
      errors: t.errors,
      cpuMsPerRequest: t.cpuMs / (t.ok + t.non2xx),
    };
  });
}
