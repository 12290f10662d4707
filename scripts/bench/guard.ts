// 2. The guard: server time of the session check (requireUser()/requireApiUser(): hash the cookie's
// token, look the session and its user up, check both expiries, slide the idle timeout), read from the
// Server-Timing header (`auth`) of a session route, one request at a time.
import { engineLabel, type Benchmark } from "./benchmark";
import { parseServerTiming, request, round, stats } from "./measure";
import { atMost, figure } from "./report";
import { ageSession } from "./seed";

export const guard: Benchmark = {
  name: "guard",
  title: "2. The guard",
  engines: ["sqlite", "postgres"],
  async run(ctx, engine) {
    const app = await ctx.app(engine);
    const user = await ctx.user(app);
    const url = `${app.origin}/api/threads`;
    const headers = { cookie: user.cookie };
    const authOf = async () => {
      const response = await request(url, { headers });
      if (response.status !== 200) throw new Error(`GET /api/threads answered ${response.status}`);
      const auth = parseServerTiming(response.headers["server-timing"]).auth;
      if (auth === undefined) throw new Error("no Server-Timing auth entry");
      return auth;
    };

    const count = ctx.quick ? 100 : 500;
    for (let i = 0; i < 50; i++) await authOf();
    const plain: number[] = [];
    for (let i = 0; i < count; i++) plain.push(await authOf());

    // Every request after more than a minute of quiet also writes lastSeenAt (the sliding idle timeout).
    const sliding: number[] = [];
    for (let i = 0; i < count / 5; i++) {
      await ageSession(app.db, user.token, 2);
      sliding.push(await authOf());
    }

    const p = stats(plain);
    const s = stats(sliding);
    const db = engineLabel(engine);
    return {
      raw: { plain: p, sliding: s },
      figures: [
        figure({
          benchmark: "2 guard",
          name: `requireUser() server time p50 (${db})`,
          value: p.p50,
          unit: "ms",
          goal: engine === "sqlite" ? atMost(1, "≤ 1 ms") : undefined,
          detail: `p99 ${round(p.p99)} ms over ${p.n} requests`,
        }),
        figure({
          benchmark: "2 guard",
          name: `requireUser() with the sliding write p50 (${db})`,
          value: s.p50,
          unit: "ms",
          detail: `p99 ${round(s.p99)} ms; happens at most once a minute per session`,
        }),
      ],
    };
  },
};
