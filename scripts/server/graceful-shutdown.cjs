// Graceful stop on SIGTERM/SIGINT (start.mjs sets NEXT_MANUAL_SIG_HANDLE so Next leaves signals to us):
// stop accepting connections, let requests in flight (streamed replies included) finish within
// SHUTDOWN_GRACE_SECONDS, then abort the ones still running. The app listens to that abort
// (lib/runtime/shutdown.ts) and stores an unfinished reply as `interrupted` before its response ends.
const http = require("node:http");
const { logger } = require("./logger.cjs");

const graceMs = Math.max(0, Number(process.env.SHUTDOWN_GRACE_SECONDS || "8")) * 1000;
// After the abort, how long the app gets to store what it was writing.
const SETTLE_MS = 5_000;
const shutdown = new AbortController();
globalThis[Symbol.for("keyline.shutdownSignal")] = shutdown.signal;

const servers = new Set();
let inFlight = 0;
let stopping = false;
const idleWaiters = new Set();

const previousEmit = http.Server.prototype.emit;
http.Server.prototype.emit = function emit(event, request, response, ...rest) {
  if (event === "request" && response) {
    servers.add(this);
    inFlight += 1;
    // Keep-alive connections would otherwise carry new requests in after the stop began.
    if (stopping) response.setHeader("connection", "close");
    response.once("close", () => {
      inFlight -= 1;
      if (inFlight === 0) for (const wake of idleWaiters) wake();
    });
  }
  return previousEmit.call(this, event, request, response, ...rest);
};

function idle(timeoutMs) {
  if (inFlight === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const wake = () => finish(true);
    const timer = setTimeout(() => finish(false), timeoutMs);
    function finish(result) {
      clearTimeout(timer);
      idleWaiters.delete(wake);
      resolve(result);
    }
    idleWaiters.add(wake);
  });
}

async function stop(signal) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal, inFlight, graceSeconds: graceMs / 1000 }, "shutting down: no new connections");
  for (const server of servers) {
    server.close();
    server.closeIdleConnections();
  }
  if (!(await idle(graceMs))) {
    logger.warn({ inFlight }, "grace period over: interrupting requests still running");
    shutdown.abort();
    await idle(SETTLE_MS);
  }
  logger.info({ inFlight }, "stopped");
  process.exit(0);
}

process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
