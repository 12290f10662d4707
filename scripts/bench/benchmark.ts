// What every benchmark gets from the runner, and what it gives back.
import type { Figure } from "./report";
import type { Engine, Rig, RunningApp } from "./rig";
import { seedApiKey, seedUsers, type BenchUser } from "./seed";

export type BenchContext = {
  rig: Rig;
  // Shorter runs for trying the benchmarks out (--quick); figures from them are rough.
  quick: boolean;
  // The app on this engine: the one already running, or a fresh one (fresh database, fresh process),
  // always fresh when given settings of its own.
  app(engine: Engine, options?: { fresh?: boolean; settings?: Record<string, string> }): Promise<RunningApp>;
  // A signed-in user with an API key on that app, made once per app.
  user(app: RunningApp): Promise<BenchUser & { apiKey: string }>;
  log(message: string): void;
};

export type BenchResult = { figures: Figure[]; raw: Record<string, unknown> };

export type Benchmark = {
  name: string;
  title: string;
  engines: Engine[];
  run(ctx: BenchContext, engine: Engine): Promise<BenchResult>;
};

export const engineLabel = (engine: Engine) => (engine === "sqlite" ? "SQLite" : "PostgreSQL");

export function createContext(rig: Rig, quick: boolean, log: (message: string) => void): BenchContext {
  let current: RunningApp | undefined;
  let custom = false;
  const users = new WeakMap<RunningApp, Promise<BenchUser & { apiKey: string }>>();
  return {
    rig,
    quick,
    log,
    async app(engine, options = {}) {
      if (current && current.engine === engine && !options.fresh && !options.settings && !custom) return current;
      log(`starting the app on ${engineLabel(engine)}${options.settings ? ` with ${JSON.stringify(options.settings)}` : ""}`);
      current = await rig.startApp(engine, options.settings);
      custom = Boolean(options.settings);
      return current;
    },
    user(app) {
      let user = users.get(app);
      if (!user) {
        user = (async () => {
          const [seeded] = await seedUsers(app.db, 1, "bench");
          return { ...seeded!, apiKey: await seedApiKey(app.db, seeded!.id) };
        })();
        users.set(app, user);
      }
      return user;
    },
  };
}
