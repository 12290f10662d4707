#!/usr/bin/env bash
# Run the Playwright suite against the production build on a fresh database.
#   scripts/e2e.sh sqlite|postgres [playwright args…]
# Expects a build (npm run build); scripts/test.sh does everything in order.
set -euo pipefail
cd "$(dirname "$0")/.."
engine=${1:-sqlite}; shift || true
work=$(mktemp -d /tmp/keyline-e2e-XXXXXX)
chmod 755 "$work"
# Every app process of the run logs here, and the rig notes every secret it hands out; after the suite,
# check-logs.ts proves the logs are JSON and hold none of them.
export E2E_LOG_DIR="$work/logs" E2E_SECRETS_FILE="$work/secrets.jsonl"
mkdir -p "$E2E_LOG_DIR"
cleanup() {
  [ "$engine" = postgres ] && scripts/pg.sh stop "$work/pg"
  rm -rf "$work"
}
trap cleanup EXIT

case "$engine" in
  sqlite)
    export DATABASE_URL="file:$work/keyline.db"
    ;;
  postgres)
    port=${E2E_PG_PORT:-54330}
    scripts/pg.sh start "$work/pg" "$port"
    scripts/pg.sh createdb "$work/pg" "$port" keyline
    export DATABASE_URL="postgresql://postgres@127.0.0.1:$port/keyline"
    ;;
  *) echo "usage: e2e.sh sqlite|postgres" >&2; exit 2 ;;
esac

echo "e2e on $engine"
# Playwright's closing summary (failed, flaky, passed) also goes to E2E_SUMMARY_FILE, so scripts/test.sh can
# repeat it as the last lines of the run, where CI's tail shows it.
summary_file=${E2E_SUMMARY_FILE:-/dev/null}
closing_summary() { sed 's/\x1b\[[0-9;]*m//g' "$work/playwright.out" | awk '/^ +[0-9]+ (failed|flaky|interrupted|skipped|did not run|passed)/ { found = 1 } found'; }
if ! npx playwright test "$@" 2>&1 | tee "$work/playwright.out"; then
  for log in "$E2E_LOG_DIR"/*.log; do echo "--- last lines of $log"; tail -n 15 "$log"; done
  closing_summary > "$summary_file"
  exit 1
fi
closing_summary > "$summary_file"
# A run of a few specs (arguments given) need not use every kind of secret; the full suite must.
npx tsx tests/support/check-logs.ts "$E2E_LOG_DIR" "$E2E_SECRETS_FILE" $([ $# -gt 0 ] && echo --partial)
