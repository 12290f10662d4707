import { STALE_AFTER_MS, SWEEP_EVERY_MS } from "./chat/stream-liveness";

// A bad setting stops the server at start with one line naming it, before any request is served.
export async function startServer(): Promise<void> {
  try {
    const { env } = await import("./env");
    if (env.BENCH_UNGATED_SECRET) console.warn("keyline: BENCH_UNGATED_SECRET is set: benchmark mode (docs/benchmarks.md); never set it in production");
    if (env.OAUTH_ALLOW_LOOPBACK_CLIENTS) console.warn("keyline: OAUTH_ALLOW_LOOPBACK_CLIENTS is set: client metadata documents may come from loopback addresses (tests only)");
  } catch (error) {
    if (error instanceof Error && error.name === "InvalidSettingError") {
      console.error(`keyline: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  await interruptStaleReplies();
  // Also while running: replies lost by another instance are repaired without waiting for a restart.
  setInterval(() => void interruptStaleReplies(), SWEEP_EVERY_MS).unref();
}

// Replies still marked `streaming` whose server stopped heartbeating become `interrupted`, keeping
// whatever text was saved. A database that is not reachable yet is not fatal here.
async function interruptStaleReplies(): Promise<void> {
  try {
    const { interruptStaleStreams } = await import("./db/queries/messages");
    const count = await interruptStaleStreams(new Date(Date.now() - STALE_AFTER_MS));
    if (count > 0) console.log(`keyline: marked ${count} unfinished repl${count === 1 ? "y" : "ies"} as interrupted`);
  } catch (error) {
    console.error("keyline: could not check for unfinished replies:", error instanceof Error ? error.message : String(error));
  }
}
