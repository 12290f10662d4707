#!/usr/bin/env bash
# Every test, on a fresh machine: installs what the tests need (Debian's chromium and postgresql,
# npm packages), then unit tests, one production build, and the e2e suite on SQLite and on PostgreSQL.
set -uo pipefail
cd "$(dirname "$0")/.."
# The whole suite runs as CI runs it (two Playwright workers, one retry that is reported as flaky).
export CI=${CI:-1}
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
summaries=$(mktemp -d)
if [ $status -eq 0 ]; then
  E2E_SUMMARY_FILE=$summaries/sqlite run "e2e on SQLite" bash scripts/e2e.sh sqlite
  E2E_SUMMARY_FILE=$summaries/postgres run "e2e on PostgreSQL" bash scripts/e2e.sh postgres
fi

echo
for engine in sqlite postgres; do
  # Failed and flaky (passed on retry) tests by name, so the end of the output says what went wrong.
  if [ -s "$summaries/$engine" ]; then echo "e2e on $engine:"; cat "$summaries/$engine"; fi
done
rm -rf "$summaries"
printf '%s\n' "${summary[@]}"
exit $status
