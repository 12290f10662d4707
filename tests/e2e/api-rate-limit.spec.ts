import { expect, test } from "./support/test";
import OpenAI from "openai";
import { createKey, openaiClient, rejectionOf, signedInUser } from "./support/api-keys";
import { testDb } from "./support/db";
import { startLimitedApp, type LimitedApp } from "./support/limited-app";

// Never retried on CI: an attack or a limit that fails once may be a real race, not a slow machine.
test.describe.configure({ retries: 0 });

// Per-key limits against a second app process whose RATE_LIMIT_API_KEY is 10/1m.
test.describe.configure({ mode: "serial" });

let app: LimitedApp;
test.beforeAll(async ({}, testInfo) => {
  test.setTimeout(90_000);
  app = await startLimitedApp("10/1m", testInfo.parallelIndex);
});
test.afterAll(async () => {
  await app?.stop();
});

test("over the limit: RateLimitError with Retry-After and RateLimit headers; other keys unaffected", async ({ browser }) => {
  const user = await signedInUser(browser, "limit");
  const { key } = await createKey(user.page, { scopes: ["models:read"] });
  const other = await createKey(user.page, { scopes: ["models:read"] });
  const client = openaiClient(key, app.origin);

  for (let i = 0; i < 10; i++) {
    const { response } = await client.models.list().withResponse();
    expect(response.headers.get("ratelimit-policy")).toBe('"default";q=10;w=60');
    expect(response.headers.get("ratelimit-remaining")).toBe(String(9 - i));
  }
  const error = await rejectionOf(client.models.list());
  expect(error).toBeInstanceOf(OpenAI.RateLimitError);
  const limited = error as InstanceType<typeof OpenAI.RateLimitError>;
  expect(limited.code).toBe("rate_limit_exceeded");
  const retryAfter = Number(limited.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(limited.headers.get("ratelimit-policy")).toBe('"default";q=10;w=60');
  expect(limited.headers.get("ratelimit")).toMatch(/^"default";r=0;t=\d+$/);
  expect(limited.headers.get("ratelimit-remaining")).toBe("0");

  // The limit is per key.
  await openaiClient(other.key, app.origin).models.list();
  await user.close();
});

test("50 parallel requests against a limit of 10: exactly 10 succeed", async ({ browser }) => {
  const user = await signedInUser(browser, "burst");
  const { key, apiKey } = await createKey(user.page, { scopes: ["models:read"] });
  const client = openaiClient(key, app.origin);

  const results = await Promise.allSettled(Array.from({ length: 50 }, () => client.models.list()));
  const ok = results.filter((r) => r.status === "fulfilled").length;
  const rejected = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
  expect(rejected.filter((e) => !(e instanceof OpenAI.RateLimitError)), `see ${app.logFile}`).toEqual([]);
  expect(ok).toBe(10);
  expect(rejected).toHaveLength(40);

  // Exactly the admitted requests are counted.
  await expect.poll(async () => (await testDb().apiKeyUsage.findMany({ where: { apiKeyId: apiKey.id } })).map((u) => u.requests)).toEqual([10]);
  await user.close();
});
