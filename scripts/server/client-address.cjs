// Part of the server preload (scripts/server/preload.cjs). Next only adds the
// peer address to X-Forwarded-For when the client did not send the header itself, so a client could
// pick the address it is rate-limited and logged under. Here every request's header is rebuilt from
// what can be trusted: the entries appended by our own TRUSTED_PROXY_HOPS reverse proxies, then the
// peer address. lib/http/request-info.ts reads the client at the same depth.
const http = require("node:http");

const hops = Math.max(0, Number.parseInt(process.env.TRUSTED_PROXY_HOPS || "0", 10) || 0);
const originalEmit = http.Server.prototype.emit;

http.Server.prototype.emit = function emit(event, request, ...rest) {
  if (event === "request" && request && request.headers) {
    const given = String(request.headers["x-forwarded-for"] || "")
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
    const trusted = hops > 0 ? given.slice(-hops) : [];
    const peer = request.socket && request.socket.remoteAddress ? request.socket.remoteAddress.replace(/^::ffff:/, "") : "";
    request.headers["x-forwarded-for"] = [...trusted, peer].filter(Boolean).join(", ");
    delete request.headers["x-real-ip"];
  }
  return originalEmit.call(this, event, request, ...rest);
};
