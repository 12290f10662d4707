// 6. Concurrency: 200 people each start a chat at the same moment (200 signed-in users, one streamed
// reply each through POST /api/chat) against one fresh instance; errors, time to first token, and
// the server process's peak resident memory. Then 500 at once on SQLite: how far one instance goes. And on
// SQLite the same 200 through the bare pipe (lib/bench/bare-pipe.ts: no auth, no storage, the model's SSE
// piped through): what first-token times one Node process on this machine allows at all.
import { engineLabel, type BenchContext, type Benchmark, type BenchResult } from "./benchmark";
import { round, stats } from "./measure";
import { timeChatTurn, timeCompletion, type StreamTiming } from "./stream-timing";
import { atMost, figure } from "./report";
import { cpuMsOf, memoryOf, MODEL_ID, UNGATED_HEADER, ungatedSecret, type Engine, type RunningApp } from "./rig";
import { seedUsers, type BenchUser } from "./seed";

const STREAMS = 200;
const MANY_STREAMS = 500;
const WARMUP = 10;
const DELAY_MS = 20;
const TOKENS = 50;

type Reply = (app: RunningApp, user: BenchUser) => Promise<StreamTiming>;

const chat: Reply = (app, user) => settled(timeChatTurn(app.origin, user.cookie, MODEL_ID, `[[delay=${DELAY_MS}]] [[tokens=${TOKENS}]] Hello from ${user.email}`));

// The cookie only passes the middleware's presence check, as the chat's does; the pipe reads nothing.
const barePipe: Reply = (app, user) =>
  settled(
    timeCompletion(`${app.origin}/api/bench/pipe`, "test-model", `[[delay=${DELAY_MS}]] [[tokens=${TOKENS}]] Hello from ${user.email}`, {
      cookie: user.cookie,
      [UNGATED_HEADER]: ungatedSecret,
    }),
  );

function settled(timing: Promise<StreamTiming>): Promise<StreamTiming> {
  return timing.catch((error: unknown) => ({
    status: 0,
    ttft: NaN,
    total: NaN,
    chunkTimes: [],
    text: "",
    error: error instanceof Error ? error.message : String(error),
  }));
}

// V8 grows its heap lazily under this much allocation; a cap makes it collect sooner. Measured as the
// fix for the peak-memory goal (docs/benchmarks.md), on SQLite only to keep the run short.
const HEAP_CAP = "--max-old-space-size=256";

const failed = (run: StreamTiming) => run.status !== 200 || Boolean(run.error) || run.chunkTimes.length !== TOKENS;

export const concurrency: Benchmark = {
  name: "concurrency",
  title: "6. Concurrency",
  engines: ["sqlite", "postgres"],
  async run(ctx, engine) {
    const plain = await burst(ctx, engine, STREAMS);
    if (engine !== "sqlite") return plain;
    const capped = await burst(ctx, engine, STREAMS, HEAP_CAP);
    const many = await burst(ctx, engine, MANY_STREAMS);
    const pipe = await burst(ctx, engine, STREAMS, undefined, barePipe);
    return {
      figures: [...plain.figures, ...capped.figures.slice(-1), ...many.figures, pipe.figures[1]!],
      raw: { ...plain.raw, heapCapped: capped.raw, many: many.raw, barePipe: pipe.raw },
    };
  },
};

async function burst(ctx: BenchContext, engine: Engine, streams: number, nodeOptions?: string, reply: Reply = chat): Promise<BenchResult> {
  const pipe = reply === barePipe;
  const app = await ctx.app(engine, nodeOptions ? { settings: { NODE_OPTIONS: nodeOptions } } : { fresh: true });
  const users = await seedUsers(app.db, streams + WARMUP, "crowd");
  const warm = await Promise.all(users.slice(0, WARMUP).map((user) => reply(app, user)));
  if (warm.some(failed)) throw new Error(`warm-up failed: ${warm.find(failed)!.error ?? warm.find(failed)!.text.slice(0, 200)}`);

  const before = memoryOf(app.serverPid);
  let peakSampledKb = before.rssKb;
  const sampler = setInterval(() => {
    try {
      peakSampledKb = Math.max(peakSampledKb, memoryOf(app.serverPid).rssKb);
    } catch {
      // the server is gone; the errors will say so
    }
  }, 50);
  ctx.log(`concurrency: ${streams} ${pipe ? "bare pipes" : "streamed chats"} at once`);
  const started = performance.now();
  const cpuBefore = cpuMsOf(app.serverPid);
  const runs = await Promise.all(users.slice(WARMUP).map((user) => reply(app, user)));
  const wallMs = performance.now() - started;
  const cpuMs = cpuMsOf(app.serverPid) - cpuBefore;
  clearInterval(sampler);
  const after = memoryOf(app.serverPid);

  const errors = runs.filter(failed);
  const ok = runs.filter((run) => !failed(run));
  const ttft = stats(ok.map((run) => run.ttft));
  const total = stats(ok.map((run) => run.total));
  const stored = await app.db.message.count({ where: { role: "assistant", status: "complete", userId: { in: users.map((u) => u.id) } } });
  const peakMb = Math.max(after.hwmKb, peakSampledKb) / 1024;
  const db = engineLabel(engine);
  const errorSamples = [...new Set(errors.map((run) => run.error ?? `HTTP ${run.status}, ${run.chunkTimes.length} chunks`))].slice(0, 5);
  return {
    raw: { streams, tokens: TOKENS, delayMs: DELAY_MS, wallMs, cpuMs, ttft, total, errors: errors.length, errorSamples, stored, memoryKb: { before, after, peakSampledKb } },
    figures: [
      figure({
        benchmark: "6 concurrency",
        name: `${streams} concurrent streamed chats: errors (${db})`,
        value: errors.length,
        unit: "",
        goal: atMost(0, "0"),
        detail: `${stored} of ${streams + WARMUP} replies stored complete; all done in ${(wallMs / 1000).toFixed(1)} s${errorSamples.length ? `; e.g. ${errorSamples.join(" | ").slice(0, 200)}` : ""}`,
      }),
      figure({
        benchmark: "6 concurrency",
        name: pipe ? `${streams} bare pipes at once (no auth, no storage): time to first token p99 (${db})` : `${streams} streams: time to first token p99 (${db})`,
        value: ttft.p99,
        unit: "ms",
        goal: streams === STREAMS && !nodeOptions && !pipe ? atMost(2000, "≤ 2 s") : undefined,
        detail:
          `p50 ${round(ttft.p50)} ms; whole reply (${TOKENS} chunks, ${DELAY_MS} ms apart) p50 ${round(total.p50)} ms, p99 ${round(total.p99)} ms; ` +
          `the server used ${(cpuMs / 1000).toFixed(1)} s of CPU in ${(wallMs / 1000).toFixed(1)} s`,
      }),
      figure({
        benchmark: "6 concurrency",
        name: `${streams} streams: peak RSS of the server (${db}${nodeOptions ? `, NODE_OPTIONS=${nodeOptions}` : ""})`,
        value: peakMb,
        unit: "MB",
        goal: streams === STREAMS ? atMost(350, "≤ 350 MB") : undefined,
        detail:
          `${Math.round(before.rssKb / 1024)} MB before the burst, ${Math.round(after.rssKb / 1024)} MB after` +
          (nodeOptions ? `; same burst, ${errors.length} errors, time to first token p99 ${Math.round(ttft.p99)} ms` : ""),
      }),
    ],
  };
}
