// One JSON log line per event on stdout (pino), each carrying the id of the request it belongs to.
// console.* is routed here too, so Next's own messages and the app's are JSON lines as well.
const { AsyncLocalStorage } = require("node:async_hooks");
const util = require("node:util");
const pino = require("pino");

const requestContext = new AsyncLocalStorage();
// An invalid LOG_LEVEL falls back to info here; lib/env.ts then stops the server naming the setting.
const level = Object.hasOwn(pino.levels.values, process.env.LOG_LEVEL || "") || process.env.LOG_LEVEL === "silent" ? process.env.LOG_LEVEL : "info";
const logger = pino({
  level,
  base: { pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  mixin: () => {
    const context = requestContext.getStore();
    return context ? { requestId: context.requestId } : {};
  },
});

const levels = { log: "info", info: "info", debug: "debug", warn: "warn", error: "error", trace: "trace" };
for (const [method, level] of Object.entries(levels)) {
  console[method] = (...args) => {
    const message = util.stripVTControlCharacters(util.format(...args)).trim();
    if (message) logger[level](message);
  };
}

module.exports = { logger, requestContext };
