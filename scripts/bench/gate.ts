// 1. The gate: a gated page with a valid session vs the same page without the per-request session
// check (BENCH_UNGATED_SECRET: the session's first check is kept in memory), in the same run.
import { engineLabel, type Benchmark } from "./benchmark";
import { compareLatency, compareLoad, request, round, type LoadResult, type Variant } from "./measure";
import { atMost, figure, type Figure } from "./report";
import { UNGATED_HEADER, ungatedSecret, type RunningApp } from "./rig";
import { seedUsers } from "./seed";

// The lightest gated page (the check's share is largest) and the chat; PostgreSQL gets the first only, to keep
// the whole run under ten minutes.
const PAGES = { sqlite: ["/settings/account", "/chat"], postgres: ["/settings/account"] };
const GOAL = 1.12;

// The ungated path must really skip the database: a session deleted after its first check still
// renders ungated, and is refused gated.
async function checkUngatedSkipsTheDatabase(app: RunningApp): Promise<void> {
  const [probe] = await seedUsers(app.db, 1, "probe");
  const url = `${app.origin}/settings/account`;
  const ungated = { cookie: probe!.cookie, [UNGATED_HEADER]: ungatedSecret };
  const first = await request(url, { headers: ungated });
  if (first.status !== 200) throw new Error(`ungated page answered ${first.status}`);
  await app.db.session.deleteMany({ where: { userId: probe!.id } });
  const again = await request(url, { headers: ungated });
  const gated = await request(url, { headers: { cookie: probe!.cookie } });
  if (again.status !== 200 || gated.status !== 307) {
    throw new Error(`ungated comparison is not what it claims (ungated ${again.status}, gated ${gated.status})`);
  }
}

export const gate: Benchmark = {
  name: "gate",
  title: "1. The gate",
  engines: ["sqlite", "postgres"],
  async run(ctx, engine) {
    const app = await ctx.app(engine);
    const user = await ctx.user(app);
    await checkUngatedSkipsTheDatabase(app);
    const figures: Figure[] = [];
    const raw: Record<string, unknown> = {};
    for (const page of PAGES[engine]) {
      const url = `${app.origin}${page}`;
      const check = await request(url, { headers: { cookie: user.cookie } });
      if (check.status !== 200 || !check.body.toString().includes(user.email)) throw new Error(`${page} did not render for the signed-in user (${check.status})`);
      const variants: Variant[] = [
        { name: "gated", url, headers: { cookie: user.cookie } },
        { name: "ungated", url, headers: { cookie: user.cookie, [UNGATED_HEADER]: ungatedSecret } },
      ];
      ctx.log(`gate ${page}: latency, one request at a time`);
      const latency = await compareLatency({ variants, count: ctx.quick ? 100 : 300 });
      ctx.log(`gate ${page}: throughput, 8 connections`);
      const load = await compareLoad({ variants, connections: 8, seconds: ctx.quick ? 1 : 2, rounds: ctx.quick ? 2 : 3, serverPid: app.serverPid });
      const [gatedLatency, ungatedLatency] = latency as [(typeof latency)[0], (typeof latency)[0]];
      const [gatedLoad, ungatedLoad] = load as [LoadResult, LoadResult];
      raw[page] = { latency: latency.map(({ name, latency: l }) => ({ name, latency: l })), load };
      const label = `${page} (${engineLabel(engine)})`;
      figures.push(
        figure({
          benchmark: "1 gate",
          name: `${label}: median latency gated / ungated`,
          value: gatedLatency.latency.p50 / ungatedLatency.latency.p50,
          unit: "×",
          goal: atMost(GOAL, "≤ 1.12×"),
          detail: `p50 ${round(gatedLatency.latency.p50)} vs ${round(ungatedLatency.latency.p50)} ms; p99 ${round(gatedLatency.latency.p99)} vs ${round(ungatedLatency.latency.p99)} ms (one request at a time)`,
        }),
        figure({
          benchmark: "1 gate",
          name: `${label}: throughput ungated / gated`,
          value: ungatedLoad.rps / gatedLoad.rps,
          unit: "×",
          goal: atMost(GOAL, "≤ 1.12×"),
          detail:
            `${Math.round(gatedLoad.rps)} vs ${Math.round(ungatedLoad.rps)} req/s; p50 ${round(gatedLoad.latency.p50)} vs ${round(ungatedLoad.latency.p50)} ms, ` +
            `p99 ${round(gatedLoad.latency.p99)} vs ${round(ungatedLoad.latency.p99)} ms (8 connections); server CPU per request ${round(gatedLoad.cpuMsPerRequest)} vs ${round(ungatedLoad.cpuMsPerRequest)} ms`,
        }),
      );
    }
    return { figures, raw };
  },
};
