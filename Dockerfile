# Keyline: multi-stage build of the standalone Next.js server. The runtime image runs `npm start`
# (scripts/start.mjs): pending migrations for DATABASE_URL (SQLite or PostgreSQL), then the server.
# No secrets are baked in: pass AUTH_SECRET, AUTH_URL, DATABASE_URL, EMAIL_SERVER… at run time.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
# Production dependencies only (the Prisma CLI and driver adapters are among them: migrations run at start).
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim AS runner
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
RUN groupadd --system --gid 1001 keyline && useradd --system --uid 1001 --gid keyline --home /app keyline \
  && mkdir -p /app/data && chown keyline:keyline /app/data
COPY --from=deps --chown=keyline:keyline /app/node_modules ./node_modules
COPY --from=build --chown=keyline:keyline /app/.next/standalone ./.next/standalone
COPY --chown=keyline:keyline package.json ./
COPY --chown=keyline:keyline scripts ./scripts
COPY --chown=keyline:keyline prisma ./prisma
USER keyline
EXPOSE 3000
# SQLite lives here when DATABASE_URL is a file: URL; mount a volume to keep it.
VOLUME ["/app/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# start.mjs handles SIGTERM itself (graceful stop, see docs/self-host.md), so no init wrapper is needed;
# give `docker stop -t` more than SHUTDOWN_GRACE_SECONDS (8 s by default).
STOPSIGNAL SIGTERM
CMD ["node", "scripts/start.mjs"]
