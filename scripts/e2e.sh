#!/usr/bin/env bash
# Run the Playwright suite against the production build on a fresh database.
#   scripts/e2e.sh sqlite|postgres [playwright args…]
# Expects a build (npm run build); scripts/test.sh does everything in order.
set -euo pipefail
cd "$(dirname "$0")/.."
engine=${1:-sqlite}; shift || true
work=$(mktemp -d /tmp/keyline-e2e-XXXXXX)
chmod 755 "$work"
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
npx playwright test "$@"
