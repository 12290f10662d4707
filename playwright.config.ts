import fs from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { appOrigin, modelServerOrigin, oauthServerOrigin, ports } from "./tests/support/ports";
import { rigLoopbackTls } from "./tests/support/loopback-ca";
import { rigAppEnv, rigOAuthEnv } from "./tests/support/rig-app-env";

// The e2e rig: a real SMTP capture server and the production build on a fresh database
// (scripts/e2e.sh prepares DATABASE_URL for SQLite or PostgreSQL), driven in Debian's Chromium.
const databaseUrl = process.env.DATABASE_URL;
const logDir = process.env.E2E_LOG_DIR ?? path.resolve("test-results", "app-logs");
fs.mkdirSync(logDir, { recursive: true });
const appLogFile = path.join(logDir, `app-${ports.app}.log`);
if (!databaseUrl) throw new Error("Run e2e tests through `npm run test:e2e -- sqlite|postgres` (DATABASE_URL is unset)");
// Client ID metadata documents are served by the tests from loopback HTTPS with a private CA.
const loopbackTls = rigLoopbackTls();

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  // On CI a test that fails once is run again: it then counts as flaky, which the run's closing summary
  // names (scripts/test.sh repeats it last), instead of a shared machine's hiccup blocking everything.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: appOrigin,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      command: "npx tsx tests/support/mail-server.ts",
      url: `http://127.0.0.1:${ports.mailHttp}/health`,
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      command: "npx tsx tests/support/model-server.ts",
      url: `${modelServerOrigin}/health`,
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      command: "npx tsx tests/support/oauth-server.ts",
      url: `${oauthServerOrigin}/health`,
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      // JSON log lines go to the run's log folder (tests/support/check-logs.ts reads them afterwards).
      command: `node scripts/start.mjs >> '${appLogFile}' 2>&1`,
      url: `${appOrigin}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        DATABASE_URL: databaseUrl,
        ...rigAppEnv(ports.app),
        // Every browser test comes from 127.0.0.1 (hundreds of sign-ins, and a passkey challenge for
        // autofill on each /login visit): the default per-IP limits would throttle the suite itself. The
        // limits are tested from loopback addresses of their own (tests/e2e/passkey-attacks.spec.ts).
        RATE_LIMIT_SIGNIN_IP: "1000/15m",
        RATE_LIMIT_PASSKEY_CHALLENGE_IP: "1000/15m",
        // Shared-link reads too; their limit is tested on an instance of its own (tests/e2e/share-attacks.spec.ts).
        RATE_LIMIT_SHARE_IP: "1000/1m",
        // Device-flow codes too; the per-account limit (10/15m) is tested in tests/e2e/agents-device.spec.ts.
        // And OAuth client registrations: the agent specs register more than the default 20 an hour.
        RATE_LIMIT_OAUTH_DEVICE_IP: "1000/15m",
        RATE_LIMIT_OAUTH_REGISTRATION_IP: "1000/1h",
        ...rigOAuthEnv(),
        NODE_EXTRA_CA_CERTS: loopbackTls.caFile,
        OAUTH_ALLOW_LOOPBACK_CLIENTS: "true",
      },
    },
  ],
});
