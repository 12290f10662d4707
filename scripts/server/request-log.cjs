// Every request gets an id (X-Request-Id on the response, and on every log line written while it is
// served) and one access line when it ends. Only the path is logged, never the query string or headers:
// magic-link tokens and OAuth codes travel in query strings, sessions and API keys in headers.
const crypto = require("node:crypto");
const http = require("node:http");
const { logger, requestContext } = require("./logger.cjs");

// A proxy's request id is kept only when the operator trusts proxies (TRUSTED_PROXY_HOPS) and it is plain.
const trustProxyId = (Number.parseInt(process.env.TRUSTED_PROXY_HOPS || "0", 10) || 0) > 0;
const PLAIN_ID = /^[A-Za-z0-9._:-]{8,128}$/;
// Ids in paths (threads, keys, passkeys) are folded so lines group by route.
const ID_SEGMENT = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|c[a-z0-9]{20,}|[A-Za-z0-9_-]{32,})$/i;

function requestIdOf(request) {
  const given = request.headers["x-request-id"];
  if (trustProxyId && typeof given === "string" && PLAIN_ID.test(given)) return given;
  // OpenAI's style (the developer API mirrors it): req_ and 96 random bits in hex.
  return `req_${crypto.randomBytes(12).toString("hex")}`;
}

function pathOf(url) {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

// A shared link's or an invitation's token is a bearer secret carried in the path: it is never logged, not
// even in `path`.
function loggablePath(path) {
  return path.replace(/^(\/(?:api\/)?share\/|\/invite\/)[^/]+/, "$1:token");
}

function routeOf(path) {
  return path
    .split("/")
    .map((segment) => (ID_SEGMENT.test(segment) ? ":id" : segment))
    .join("/");
}

const previousEmit = http.Server.prototype.emit;
http.Server.prototype.emit = function emit(event, request, response, ...rest) {
  if (event !== "request" || !request || !response) return previousEmit.call(this, event, request, response, ...rest);
  const requestId = requestIdOf(request);
  const started = process.hrtime.bigint();
  const path = loggablePath(pathOf(String(request.url || "/")));
  request.headers["x-request-id"] = requestId;
  response.setHeader("x-request-id", requestId);
  response.once("close", () => {
    const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
    const line = {
      requestId,
      method: request.method,
      route: routeOf(path),
      path,
      status: response.statusCode,
      durationMs: Math.round(durationMs * 10) / 10,
      ...(response.writableFinished ? {} : { aborted: true }),
    };
    logger.info(line, "request");
  });
  return requestContext.run({ requestId }, () => previousEmit.call(this, event, request, response, ...rest));
};
