#!/usr/bin/env bash
# Every test, on a fresh machine: installs what the tests need (Debian's chromium and postgresql,
# npm packages), then unit tests, one production build, and the e2e suite on SQLite and on PostgreSQL.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-test-deps.sh || exit 1
[ -d node_modules ] || npm ci || exit 1

status=0
summary=()
run() { # run <label> <command…>
  local label=$1; shift
  echo "::: $label"
  if "$@"; then summary+=("PASS  $label"); else summary+=("FAIL  $label"); status=1; fi
}

run "unit tests" npx vitest run
run "production build" npm run build
if [ $status -eq 0 ]; then
  run "e2e on SQLite" bash scripts/e2e.sh sqlite
  run "e2e on PostgreSQL" bash scripts/e2e.sh postgres
fi

echo
printf '%s\n' "${summary[@]}"
exit $status
