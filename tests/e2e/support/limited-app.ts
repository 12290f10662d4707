import { ports } from "../../support/ports";
import { startAppProcess, type AppProcess } from "./app-process";

export type LimitedApp = AppProcess;

// A second production server on the same database with RATE_LIMIT_API_KEY set small, so the limit can
// be hit without throttling other specs. One per Playwright worker (E2E_LIMITED_APP_PORT + the worker's
// parallel index), so workers never share one.
export function startLimitedApp(limit: string, workerIndex: number): Promise<LimitedApp> {
  return startAppProcess({ name: "limited-app", port: ports.limitedApp + workerIndex, env: { RATE_LIMIT_API_KEY: limit } });
}
