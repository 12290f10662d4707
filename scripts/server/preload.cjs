// Preloaded into the production server (node --require, see scripts/start.mjs): what Next's standalone
// server does not do itself, applied to every request before the app sees it.
require("./logger.cjs");
require("./client-address.cjs");
require("./request-log.cjs");
require("./graceful-shutdown.cjs");
