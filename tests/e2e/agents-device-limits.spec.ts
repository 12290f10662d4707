import { expect, test } from "./support/test";
import { ports } from "../support/ports";
import { recordSecret } from "../support/secrets-ledger";
import { startAppProcess, type AppProcess } from "./support/app-process";
import { registerCli } from "./support/device";
import { ownLoopbackAddress, requestFromAddress } from "./support/shares";

// Starting a device sign-in needs no account, and each start stores a code: RATE_LIMIT_OAUTH_DEVICE_IP caps it
// per address. Tested on an app process of its own with a small limit (the rig's app runs with 1000/15m),
// from loopback addresses of the test's own, so no other spec's budget on 127.0.0.1 is spent.
test.describe.configure({ retries: 0 });

const LIMIT = 3;
let app: AppProcess;

test.beforeAll(async ({}, testInfo) => {
  test.setTimeout(120_000);
  app = await startAppProcess({ name: "device-limited-app", port: ports.limitedApp + 60 + testInfo.parallelIndex, env: { RATE_LIMIT_OAUTH_DEVICE_IP: `${LIMIT}/15m` } });
});
test.afterAll(async () => {
  await app?.stop();
});

test("POST /api/oauth/device/auth answers 429 with the JSON error once an address has spent RATE_LIMIT_OAUTH_DEVICE_IP; other addresses still get codes", async () => {
  const clientId = await registerCli("Limited CLI");
  const params = { client_id: clientId, scope: "models:read", resource: `${app.origin}/mcp` };
  const start = async (localAddress: string) => {
    const response = await requestFromAddress({ port: app.port, localAddress, path: "/api/oauth/device/auth", form: params });
    const body = JSON.parse(response.text) as Record<string, unknown>;
    recordSecret("oauth-code", body.device_code as string | undefined);
    recordSecret("oauth-code", body.user_code as string | undefined);
    return { ...response, body };
  };

  const address = ownLoopbackAddress();
  for (let i = 1; i <= LIMIT; i++) {
    const ok = await start(address);
    expect(ok.status, `code ${i}: ${ok.text}`).toBe(200);
    expect(ok.body).toMatchObject({ device_code: expect.any(String), user_code: expect.any(String) });
    expect(ok.headers["ratelimit-remaining"]).toBe(String(LIMIT - i));
  }

  const refused = await start(address);
  expect(refused.status).toBe(429);
  expect(refused.headers["content-type"]).toContain("application/json");
  expect(refused.body).toEqual({ error: { code: "rate_limited:too_many_requests", message: "Too many sign-in codes requested from this address. Try again later." } });
  expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
  expect(refused.headers["ratelimit-policy"]).toContain(`q=${LIMIT}`);
  expect(refused.headers["ratelimit-remaining"]).toBe("0");
  // Refused before a code is made: nothing in the body to use.
  expect(refused.text).not.toContain("device_code");

  // The budget is the address's, not the endpoint's.
  expect((await start(ownLoopbackAddress())).status).toBe(200);
});
