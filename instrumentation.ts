// Runs once when the server starts. NEXT_RUNTIME is Next's build-time switch that keeps Node-only code
// out of the edge bundle; it is the one environment read outside lib/env.ts.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("@/lib/startup");
    await startServer();
  }
}
