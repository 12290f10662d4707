// 5. Long history: threads of 50, 1,000 and 10,000 seeded messages; the first page of each, through
// the API (server time from Server-Timing `app`; size as sent to a client that accepts gzip) and as
// the thread's page.
import { gzipSync } from "node:zlib";
import { engineLabel, type Benchmark } from "./benchmark";
import { parseServerTiming, request, round, stats } from "./measure";
import { atMost, figure, type Figure } from "./report";
import { seedThread } from "./seed";

const SIZES = [50, 1_000, 10_000];
const GOAL_MS = 50;

export const history: Benchmark = {
  name: "history",
  title: "5. Long history",
  engines: ["sqlite", "postgres"],
  async run(ctx, engine) {
    const app = await ctx.app(engine);
    const user = await ctx.user(app);
    ctx.log(`history: seeding ${SIZES.join(", ")} messages`);
    const threads = new Map<number, string>();
    for (const size of SIZES) threads.set(size, await seedThread(app.db, user.id, size));
    // Statistics as autovacuum keeps them on a live database; right after a bulk insert PostgreSQL's
    // planner would sort the whole thread instead of reading the index backwards (docs/benchmarks.md).
    if (engine === "postgres") await app.db.$executeRawUnsafe(`ANALYZE "Message"`);

    const headers = { cookie: user.cookie, "accept-encoding": "gzip" };
    const samples = new Map(SIZES.map((size) => [size, { server: [] as number[], client: [] as number[], bytes: 0, gzipBytes: 0, pageMs: [] as number[], pageBytes: 0 }]));
    const rounds = ctx.quick ? 10 : 40;
    for (let i = 0; i < rounds + 5; i++) {
      for (const size of i % 2 ? [...SIZES].reverse() : SIZES) {
        const id = threads.get(size)!;
        const s = samples.get(size)!;
        const api = await request(`${app.origin}/api/threads/${id}/messages`, { headers });
        if (api.status !== 200) throw new Error(`messages of the ${size}-message thread answered ${api.status}`);
        const wantPage = i % 2 === 0;
        const page = wantPage ? await request(`${app.origin}/chat/${id}`, { headers }) : undefined;
        if (page && page.status !== 200) throw new Error(`the ${size}-message thread's page answered ${page.status}`);
        if (i < 5) continue; // warm-up
        s.server.push(parseServerTiming(api.headers["server-timing"]).app ?? NaN);
        s.client.push(api.ms);
        s.bytes = api.bytes;
        // Next's server compresses pages but not route handlers' responses; a reverse proxy usually does.
        s.gzipBytes = api.headers["content-encoding"] ? api.bytes : gzipSync(api.body).length;
        if (page) {
          s.pageMs.push(page.ms);
          s.pageBytes = page.bytes;
        }
      }
    }

    const db = engineLabel(engine);
    const summary = Object.fromEntries(
      SIZES.map((size) => {
        const s = samples.get(size)!;
        return [size, { server: stats(s.server), client: stats(s.client), bytes: s.bytes, gzipBytes: s.gzipBytes, page: stats(s.pageMs), pageBytes: s.pageBytes }];
      }),
    );
    const figures: Figure[] = SIZES.map((size) => {
      const s = summary[size]!;
      return figure({
        benchmark: "5 history",
        name: `first page of ${size.toLocaleString("en-US")} messages: server time p50 (${db})`,
        value: s.server.p50,
        unit: "ms",
        goal: atMost(GOAL_MS, "≤ 50 ms"),
        detail:
          `p99 ${round(s.server.p99)} ms, at the client p50 ${round(s.client.p50)} ms; 30 messages, ${(s.bytes / 1000).toFixed(1)} kB as sent (${(s.gzipBytes / 1000).toFixed(1)} kB gzipped); ` +
          `the thread's page: p50 ${round(s.page.p50)} ms, ${(s.pageBytes / 1000).toFixed(1)} kB gzip`,
      });
    });
    const small = summary[SIZES[0]!]!.server.p50;
    const large = summary[SIZES.at(-1)!]!.server.p50;
    figures.push(
      figure({
        benchmark: "5 history",
        name: `10,000 vs 50 messages, server time p50 (${db})`,
        value: large / small,
        unit: "×",
        goal: { op: "<=", value: 1.25, text: "flat (≤ 1.25× or + 2 ms)" },
        met: large <= small * 1.25 || large - small <= 2,
        detail: `${round(large)} vs ${round(small)} ms`,
      }),
    );
    return { figures, raw: { summary } };
  },
};
