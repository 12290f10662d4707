// 4. Streaming overhead: time to first token and total time of one reply, directly from the model
// server (a fixed delay per chunk) and through the app (POST /api/chat and POST /v1/chat/completions),
// one request at a time, the three paths taking turns. Chunk arrival times show whether the app relays
// chunks as they come or holds them back.
import { engineLabel, type Benchmark } from "./benchmark";
import { percentile, round, stats } from "./measure";
import { timeChatTurn, timeCompletion, type StreamTiming } from "./stream-timing";
import { atLeast, atMost, figure, type Figure } from "./report";
import { benchPorts, cpuMsOf, MODEL_ID } from "./rig";

const DELAY_MS = 20;
const TOKENS = 20;
const PROMPT = `[[delay=${DELAY_MS}]] [[tokens=${TOKENS}]] Benchmark reply, please.`;

function gaps(runs: StreamTiming[]): number[] {
  return runs.flatMap((run) => run.chunkTimes.slice(1).map((t, i) => t - run.chunkTimes[i]!));
}

export const streaming: Benchmark = {
  name: "streaming",
  title: "4. Streaming overhead",
  engines: ["sqlite"],
  async run(ctx, engine) {
    const app = await ctx.app(engine);
    const user = await ctx.user(app);
    const paths = {
      direct: () => timeCompletion(`http://127.0.0.1:${benchPorts.model}/v1/chat/completions`, "test-model", PROMPT),
      v1: () => timeCompletion(`${app.origin}/v1/chat/completions`, MODEL_ID, PROMPT, { authorization: `Bearer ${user.apiKey}` }),
      chat: () => timeChatTurn(app.origin, user.cookie, MODEL_ID, PROMPT),
    };
    type Path = keyof typeof paths;
    const names = Object.keys(paths) as Path[];
    const runs: Record<Path, StreamTiming[]> = { direct: [], v1: [], chat: [] };
    const cpu: Record<Path, number[]> = { direct: [], v1: [], chat: [] };
    const count = ctx.quick ? 5 : 20;
    for (let i = 0; i < count + 3; i++) {
      for (const name of i % 2 ? [...names].reverse() : names) {
        const cpuBefore = cpuMsOf(app.serverPid);
        const run = await paths[name]();
        if (i >= 3) cpu[name].push(cpuMsOf(app.serverPid) - cpuBefore);
        if (run.error || run.chunkTimes.length !== TOKENS) {
          throw new Error(`${name}: ${run.error ?? `${run.chunkTimes.length} chunks instead of ${TOKENS}`} ${run.text.slice(0, 200)}`);
        }
        if (i >= 3) runs[name].push(run); // the first rounds warm up
      }
    }

    const summary = Object.fromEntries(
      names.map((name) => [
        name,
        {
          ttft: stats(runs[name].map((r) => r.ttft)),
          total: stats(runs[name].map((r) => r.total)),
          gapP50: percentile(gaps(runs[name]), 50),
          // The app server's CPU time per reply, the mean (/proc counts in 10 ms steps); the direct path
          // shows what the server does meanwhile on its own.
          cpuMsPerReply: stats(cpu[name]).mean,
          // Where the app's own time before the reply starts goes (Server-Timing), median per entry.
          serverTiming: Object.fromEntries(
            [...new Set(runs[name].flatMap((r) => Object.keys(r.serverTiming ?? {})))].map((key) => [key, percentile(runs[name].map((r) => r.serverTiming?.[key] ?? NaN), 50)]),
          ),
          // Chunks read from the socket at different moments; buffering would merge them.
          fewestArrivals: Math.min(...runs[name].map((r) => new Set(r.chunkTimes).size)),
        },
      ]),
    ) as Record<
      Path,
      { ttft: ReturnType<typeof stats>; total: ReturnType<typeof stats>; gapP50: number; fewestArrivals: number; cpuMsPerReply: number; serverTiming: Record<string, number> }
    >;
    const direct = summary.direct;
    const figures: Figure[] = [];
    for (const [name, label] of [["chat", "POST /api/chat"], ["v1", "POST /v1/chat/completions"]] as const) {
      const s = summary[name];
      figures.push(
        figure({
          benchmark: "4 streaming",
          name: `${label}: added time to first token, p50 (${engineLabel(engine)})`,
          value: s.ttft.p50 - direct.ttft.p50,
          unit: "ms",
          goal: atMost(10, "≤ 10 ms"),
          detail:
            `TTFT p50 ${round(s.ttft.p50)} vs ${round(direct.ttft.p50)} ms direct; p99 ${round(s.ttft.p99)} vs ${round(direct.ttft.p99)} ms; ` +
            `server time before the model call p50 ${Object.entries(s.serverTiming).map(([k, v]) => `${k} ${round(v)}`).join(", ")} ms`,
        }),
        figure({
          benchmark: "4 streaming",
          name: `${label}: added total time, p50`,
          value: s.total.p50 - direct.total.p50,
          unit: "ms",
          goal: atMost(12, "≤ 12 ms"),
          detail: `total p50 ${round(s.total.p50)} vs ${round(direct.total.p50)} ms direct (${TOKENS} chunks, ${DELAY_MS} ms apart); server CPU per reply ${Math.round(s.cpuMsPerReply)} ms`,
        }),
        figure({
          benchmark: "4 streaming",
          name: `${label}: median gap between chunks`,
          value: s.gapP50,
          unit: "ms",
          goal: atLeast(DELAY_MS * 0.8, `≈ ${DELAY_MS} ms (relayed, not buffered)`),
          detail: `direct ${round(direct.gapP50)} ms; the ${TOKENS} chunks of a reply arrived at ${s.fewestArrivals}+ separate moments`,
        }),
      );
    }
    return { figures, raw: { delayMs: DELAY_MS, tokens: TOKENS, summary } };
  },
};
