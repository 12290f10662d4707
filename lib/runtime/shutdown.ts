// Aborted when the server's grace period after SIGTERM is over (scripts/server/graceful-shutdown.cjs
// sets it on globalThis before Next loads). Outside the production server (next dev, unit tests) it never aborts.
const KEY = Symbol.for("keyline.shutdownSignal");

export function shutdownSignal(): AbortSignal {
  const signal = (globalThis as Record<symbol, unknown>)[KEY];
  return signal instanceof AbortSignal ? signal : new AbortController().signal;
}

// The request's own signal (the client went away) or the server stopping, whichever comes first.
export function requestOrShutdownSignal(request: Request): AbortSignal {
  return AbortSignal.any([request.signal, shutdownSignal()]);
}
