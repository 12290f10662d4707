// How a reply still marked `streaming` is known to be alive: its server bumps the row's updatedAt with
// every progress save and at least every HEARTBEAT_MS. A row that has not moved for STALE_AFTER_MS lost
// its server (crash, kill, a deploy that ran out of grace), on this instance or any other.
export const HEARTBEAT_MS = 5_000;
export const STALE_AFTER_MS = 20_000;
export const SWEEP_EVERY_MS = 10_000;
