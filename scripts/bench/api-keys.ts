// 3. API keys: GET /v1/models with a valid key (checksum, hash lookup, scope, per-key rate limit,
// use recorded after the response) vs GET /api/health (one database round trip), under load in the
// same run; then the key check's and the rate limiter's own server time from Server-Timing.
import { engineLabel, type Benchmark } from "./benchmark";
import { compareLoad, parseServerTiming, request, round, stats, type LoadResult } from "./measure";
import { atLeast, figure } from "./report";

export const apiKeys: Benchmark = {
  name: "api-keys",
  title: "3. API keys",
  engines: ["sqlite", "postgres"],
  async run(ctx, engine) {
    const app = await ctx.app(engine);
    const user = await ctx.user(app);
    const authorization = `Bearer ${user.apiKey}`;
    const models = `${app.origin}/v1/models`;
    const check = await request(models, { headers: { authorization } });
    if (check.status !== 200) throw new Error(`GET /v1/models answered ${check.status}: ${check.body.toString().slice(0, 200)}`);

    ctx.log("api-keys: throughput, 8 connections");
    const [health, keyed] = (await compareLoad({
      variants: [
        { name: "health", url: `${app.origin}/api/health` },
        { name: "models", url: models, headers: { authorization } },
      ],
      connections: 8,
      seconds: ctx.quick ? 1 : 2,
      rounds: ctx.quick ? 2 : 5,
      serverPid: app.serverPid,
    })) as [LoadResult, LoadResult];
    if (keyed.non2xx > 0) throw new Error(`${keyed.non2xx} GET /v1/models requests failed under load`);

    const timings = { key: [] as number[], ratelimit: [] as number[], app: [] as number[] };
    for (let i = 0; i < (ctx.quick ? 100 : 300); i++) {
      const response = await request(models, { headers: { authorization } });
      const t = parseServerTiming(response.headers["server-timing"]);
      timings.key.push(t.key ?? NaN);
      timings.ratelimit.push(t.ratelimit ?? NaN);
      timings.app.push(t.app ?? NaN);
    }
    const key = stats(timings.key);
    const limiter = stats(timings.ratelimit);
    const whole = stats(timings.app);
    const db = engineLabel(engine);
    return {
      raw: { health, keyed, serverTiming: { key, ratelimit: limiter, app: whole } },
      figures: [
        figure({
          benchmark: "3 API keys",
          name: `GET /v1/models / GET /api/health throughput (${db})`,
          value: keyed.rps / health.rps,
          unit: "×",
          goal: atLeast(0.85, "≥ 0.85×"),
          detail:
            `${Math.round(keyed.rps)} vs ${Math.round(health.rps)} req/s; p50 ${round(keyed.latency.p50)} vs ${round(health.latency.p50)} ms (8 connections); ` +
            `server CPU per request ${round(keyed.cpuMsPerRequest)} vs ${round(health.cpuMsPerRequest)} ms (${round(health.cpuMsPerRequest / keyed.cpuMsPerRequest)}×)`,
        }),
        figure({
          benchmark: "3 API keys",
          name: `rate limiter's added latency p50 (${db})`,
          value: limiter.p50,
          unit: "ms",
          detail: `p99 ${round(limiter.p99)} ms; key check p50 ${round(key.p50)} ms; whole handler p50 ${round(whole.p50)} ms`,
        }),
      ],
    };
  },
};
