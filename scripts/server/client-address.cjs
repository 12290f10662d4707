// Part of the server preload (scripts/server/preload.cjs). Next only adds the
// peer address to X-Forwarded-For when the client did not send the header itself, so a client could
// pick the address it is rate-limited and logged under. Here every request's header is rebuilt from
// what can be trusted: the entries appended by our own TRUSTED_PROXY_HOPS reverse proxies, then the
// peer address. lib/http/request-info.ts reads the client at the same depth.
const http = require("node:http");
const { logger } = require("./logger.cjs");

const hops = Math.max(0, Number.parseInt(process.env.TRUSTED_PROXY_HOPS || "0", 10) || 0);
const originalEmit = http.Server.prototype.emit;

// Tells lib/http/request-info.ts that every request's X-Forwarded-For was rebuilt here. A process global,
// not a header: a header could be sent by a client whenever this preload is missing (a standalone
// server.js started by hand), and the app would trust it; a client cannot set a global. Without the
// mark, request-info trusts nothing a client could have written.
globalThis[Symbol.for("keyline.clientAddressRebuilt")] = true;

// A proxy in front of a server that trusts no hops makes every client look like the proxy: one shared
// rate-limit budget (30 attempts lock everyone out of sign-in), the proxy's address in the session list.
// Said once at the first such request, then at most once an hour.
const WARN_INTERVAL_MS = 60 * 60 * 1000;
let lastWarned = -Infinity;
function warnUntrustedForwardedFor() {
  const now = Date.now();
  if (now - lastWarned < WARN_INTERVAL_MS) return;
  lastWarned = now;
  logger.warn(
    { event: "untrusted_x_forwarded_for", trustedProxyHops: 0 },
    "Requests arrive with X-Forwarded-For but TRUSTED_PROXY_HOPS is 0, so the header is ignored and every client is " +
      "seen as the connecting address. Behind a reverse proxy, set TRUSTED_PROXY_HOPS to the number of proxies in front " +
      "of Keyline (docs/self-host.md); if there is none, clients are sending the header themselves and nothing needs doing. " +
      "(Repeated at most once an hour.)",
  );
}

http.Server.prototype.emit = function emit(event, request, ...rest) {
  if (event === "request" && request && request.headers) {
    const given = String(request.headers["x-forwarded-for"] || "")
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
    if (hops === 0 && given.length > 0) warnUntrustedForwardedFor();
    const trusted = hops > 0 ? given.slice(-hops) : [];
    const peer = request.socket && request.socket.remoteAddress ? request.socket.remoteAddress.replace(/^::ffff:/, "") : "";
    request.headers["x-forwarded-for"] = [...trusted, peer].filter(Boolean).join(", ");
    delete request.headers["x-real-ip"];
  }
  return originalEmit.call(this, event, request, ...rest);
};
