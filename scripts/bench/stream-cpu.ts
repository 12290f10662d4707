// 9. CPU per streamed reply: what one 50-chunk reply costs the server, through POST /api/chat and
// POST /v1/chat/completions, next to the physical floor measured in the same run: a route handler that
// checks nothing and pipes the same model server's SSE to the client (lib/bench/bare-pipe.ts, present
// only under BENCH_UNGATED_SECRET). The chunks come 1 ms apart so that the server, not the model, sets
// the pace; CPU is read from /proc around each reply, the three paths taking turns.
import { engineLabel, type Benchmark } from "./benchmark";
import { round, stats } from "./measure";
import { timeChatTurn, timeCompletion } from "./stream-timing";
import { atMost, figure, type Figure } from "./report";
import { benchPorts, cpuMsOf, MODEL_ID, UNGATED_HEADER, ungatedSecret } from "./rig";

const TOKENS = 50;
const PROMPT = `[[delay=1]] [[tokens=${TOKENS}]] Benchmark reply, please.`;

export const streamCpu: Benchmark = {
  name: "stream-cpu",
  title: "9. CPU per streamed reply",
  engines: ["sqlite", "postgres"],
  async run(ctx, engine) {
    const app = await ctx.app(engine);
    const user = await ctx.user(app);
    const paths = {
      // The cookie only passes the middleware's presence check, as the chat's does; the pipe reads nothing.
      pipe: () => timeCompletion(`${app.origin}/api/bench/pipe`, "test-model", PROMPT, { cookie: user.cookie, [UNGATED_HEADER]: ungatedSecret }),
      v1: () => timeCompletion(`${app.origin}/v1/chat/completions`, MODEL_ID, PROMPT, { authorization: `Bearer ${user.apiKey}` }),
      chat: () => timeChatTurn(app.origin, user.cookie, MODEL_ID, PROMPT),
    };
    type Path = keyof typeof paths;
    const names = Object.keys(paths) as Path[];
    const cpu: Record<Path, number[]> = { pipe: [], v1: [], chat: [] };
    const count = ctx.quick ? 15 : 60;
    for (let i = 0; i < count + 5; i++) {
      for (const name of i % 2 ? [...names].reverse() : names) {
        const before = cpuMsOf(app.serverPid);
        const run = await paths[name]();
        const used = cpuMsOf(app.serverPid) - before;
        if (run.error || run.chunkTimes.length !== TOKENS) {
          throw new Error(`${name}: ${run.error ?? `${run.chunkTimes.length} chunks instead of ${TOKENS}`} ${run.text.slice(0, 200)}`);
        }
        if (i >= 5) cpu[name].push(used); // the first rounds warm up
      }
    }
    // /proc counts in 10 ms steps: the mean over many replies is the figure, not any one reading.
    const mean = Object.fromEntries(names.map((name) => [name, stats(cpu[name]).mean])) as Record<Path, number>;
    const figures: Figure[] = [];
    for (const [name, label] of [["chat", "POST /api/chat"], ["v1", "POST /v1/chat/completions"]] as const) {
      figures.push(
        figure({
          benchmark: "9 stream CPU",
          name: `${label}: server CPU per ${TOKENS}-chunk reply (${engineLabel(engine)})`,
          value: mean[name],
          unit: "ms",
          goal: atMost(20, "≤ 20 ms"),
          detail: `mean over ${cpu[name].length} replies; the bare pipe ${round(mean.pipe)} ms`,
        }),
        figure({
          benchmark: "9 stream CPU",
          name: `${label} / bare pipe, CPU per reply (${engineLabel(engine)})`,
          value: mean[name] / mean.pipe,
          unit: "×",
          goal: atMost(2, "≤ 2×"),
          detail: `${round(mean[name])} vs ${round(mean.pipe)} ms`,
        }),
      );
    }
    return { figures, raw: { tokens: TOKENS, cpu, mean, modelPort: benchPorts.model } };
  },
};
