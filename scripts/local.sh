#!/usr/bin/env bash
# Start Keyline on its embedded defaults: SQLite under data/, mail to a local outbox (links printed
# here), the built-in demo model. Installs what is missing, builds once, then serves on $PORT (3000),
# on this machine only unless HOST says otherwise (HOST=0.0.0.0 to open it to your network).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci
mkdir -p data
# A secret generated once for this machine; production deployments set AUTH_SECRET themselves.
[ -s data/auth-secret ] || node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64url"))' > data/auth-secret
chmod 600 data/auth-secret
export AUTH_SECRET="${AUTH_SECRET:-$(cat data/auth-secret)}"
export EMAIL_OUTBOX="${EMAIL_OUTBOX:-data/outbox}"
export PORT="${PORT:-3000}"
export AUTH_URL="${AUTH_URL:-http://localhost:$PORT}"
if [ ! -f .next/standalone/server.js ] || [ -n "$(find app components lib prisma middleware.ts -newer .next/standalone/server.js -print -quit)" ]; then
  npm run build
fi
echo "Keyline: open $AUTH_URL (sign-in links are printed below and saved in $EMAIL_OUTBOX)"
# The outbox watcher prints sign-in links here; it stops with the server.
node scripts/outbox-links.mjs "$EMAIL_OUTBOX" &
watcher=$!
trap 'kill $watcher 2>/dev/null' EXIT
# The server writes JSON lines (as in production); a person at a terminal reads them through pino-pretty,
# which ignores Ctrl-C and ends when the server has written its last line.
export HOSTNAME="${HOST:-127.0.0.1}"
if [ -t 1 ]; then
  node scripts/start.mjs | (trap '' INT TERM; exec node_modules/.bin/pino-pretty --colorize --translateTime SYS:HH:MM:ss --ignore pid,hostname --singleLine)
else
  node scripts/start.mjs
fi
