import { randomUUID } from "node:crypto";
import { expect, test } from "./support/test";
import OpenAI from "openai";
import { hashApiKey } from "../../lib/api-keys/format";
import { appOrigin } from "../support/ports";
import { createKey, openaiClient, signedInUser } from "./support/api-keys";
import { testDb } from "./support/db";
import { linkIn, mailTo, waitForMail } from "./support/mail";

test("create a key in the browser, copy it once, use it, reload (it is gone), revoke it", async ({ browser }) => {
  const user = await signedInUser(browser, "page");
  const page = user.page;
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/settings/api-keys");
  await expect(page.getByRole("link", { name: "API keys" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("No API keys yet.")).toBeVisible();

  await page.getByLabel("Name").fill("laptop script");
  await expect(page.getByRole("checkbox", { name: /models:read/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /chat:write/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /threads:read/ })).not.toBeChecked();
  await expect(page.getByLabel("Expires after")).toHaveValue("90");
  await page.getByLabel("Expires after").selectOption("30");
  await page.getByRole("button", { name: "Create key" }).click();

  const shown = page.getByRole("textbox", { name: "New API key" });
  await expect(shown).toBeVisible();
  await expect(page.getByText("Copy it now: it will not be shown again.")).toBeVisible();
  const key = await shown.inputValue();
  expect(key).toMatch(/^kl_live_[0-9A-Za-z]{33}_[0-9A-Za-z]{6}$/);
  await page.getByRole("button", { name: "Copy key" }).click();
  await expect(page.getByRole("button", { name: "Copied", exact: true })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

  // The list shows the key's prefix and last four, never the whole key.
  const row = page.getByRole("listitem", { name: "laptop script" });
  await expect(row).toContainText(`${key.slice(0, 12)}…${key.slice(-4)}`);
  await expect(row).toContainText("models:read, chat:write");
  await expect(row).toContainText("Active");
  await expect(row).toContainText("Never");

  // The copied key works with the official client.
  const client = openaiClient(key);
  await client.models.list();
  await client.chat.completions.create({ model: "openai:test-model", messages: [{ role: "user", content: "[[tokens=3]] a b" }] });

  await page.reload();
  await expect(page.getByRole("textbox", { name: "New API key" })).toHaveCount(0);
  expect(await page.content()).not.toContain(key);
  expect(await page.content()).not.toContain(key.slice(12, -4));
  // Use is recorded just after each response; the list shows it.
  await expect(async () => {
    await page.reload();
    await expect(row.getByTestId("key-usage")).toHaveText("2 requests · 3 tokens in · 3 tokens out", { timeout: 1000 });
  }).toPass();
  await expect(row).toContainText(/from (127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)/);

  // Revoke asks first; Cancel keeps the key.
  await row.getByRole("button", { name: "Revoke laptop script" }).click();
  const dialog = page.getByRole("dialog", { name: "Revoke “laptop script”?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await client.models.list();

  await row.getByRole("button", { name: "Revoke laptop script" }).click();
  await dialog.getByRole("button", { name: "Revoke key" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
  await expect(client.models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);

  // Key events reached the security log.
  const dbUser = await testDb().user.findUniqueOrThrow({ where: { email: user.email } });
  const events = await testDb().securityEvent.findMany({ where: { userId: dbUser.id }, orderBy: { createdAt: "asc" } });
  expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(["api_key_created", "api_key_new_ip", "api_key_revoked"]));
  await user.close();
});

test("the database holds only the key's SHA-256, never the key", async ({ browser }) => {
  const user = await signedInUser(browser, "db");
  const { key, apiKey } = await createKey(user.page, { name: "stored", scopes: ["models:read"] });
  await openaiClient(key).models.list();

  const row = await testDb().apiKey.findUniqueOrThrow({ where: { id: apiKey.id }, omit: { hash: false } });
  expect(row.hash).toBe(hashApiKey(key));
  expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
  const random = key.slice("kl_live_".length, -7);
  for (const [column, value] of Object.entries(row)) {
    expect(String(value), column).not.toContain(random.slice(4));
  }
  // Nothing else the app wrote for this user holds it either.
  const dbUser = await testDb().user.findUniqueOrThrow({ where: { email: user.email } });
  const events = await testDb().securityEvent.findMany({ where: { userId: dbUser.id } });
  expect(JSON.stringify(events)).not.toContain(random.slice(4));
  // The default client leaves the hash out.
  expect(await testDb().apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).not.toHaveProperty("hash");
  // The stored hash is not a key.
  await expect(openaiClient(row.hash).models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  await user.close();
});

test("user B cannot see, revoke or read through A's keys", async ({ browser }) => {
  const a = await signedInUser(browser, "alice");
  const b = await signedInUser(browser, "bob");
  const aKey = await createKey(a.page, { name: "alice key", scopes: ["models:read", "threads:read"] });
  const bKey = await createKey(b.page, { name: "bob key", scopes: ["threads:read"] });
  const aUser = await testDb().user.findUniqueOrThrow({ where: { email: a.email } });
  await testDb().thread.create({ data: { id: randomUUID(), userId: aUser.id, title: "alice private thread", model: "demo" } });

  const bList = (await (await b.page.request.get("/api/keys")).json()) as { keys: { id: string }[] };
  expect(bList.keys.map((k) => k.id)).toEqual([bKey.apiKey.id]);
  await b.page.goto("/settings/api-keys");
  await expect(b.page.getByRole("listitem", { name: "alice key" })).toHaveCount(0);

  const foreign = await b.page.request.delete(`/api/keys/${aKey.apiKey.id}`);
  const missing = await b.page.request.delete(`/api/keys/${randomUUID()}`);
  expect(foreign.status()).toBe(404);
  expect(missing.status()).toBe(404);
  expect(await foreign.json()).toEqual(await missing.json());
  expect((await b.page.request.delete("/api/keys/not-a-uuid")).status()).toBe(404);
  await openaiClient(aKey.key).models.list(); // still alive

  // B's key reads B's history only; A's key reads A's.
  const bThreads = await fetch(`${appOrigin}/v1/threads`, { headers: { authorization: `Bearer ${bKey.key}` } });
  expect(((await bThreads.json()) as { data: unknown[] }).data).toEqual([]);
  const aThreads = await fetch(`${appOrigin}/v1/threads`, { headers: { authorization: `Bearer ${aKey.key}` } });
  expect(((await aThreads.json()) as { data: { title: string }[] }).data.map((t) => t.title)).toEqual(["alice private thread"]);
  // threads:read is needed for history.
  const noScope = await createKey(a.page, { scopes: ["models:read"] });
  expect((await fetch(`${appOrigin}/v1/threads`, { headers: { authorization: `Bearer ${noScope.key}` } })).status).toBe(403);
  await a.close();
  await b.close();
});

test("creating a key needs a recent sign-in; the page offers to sign in again", async ({ browser }) => {
  const user = await signedInUser(browser, "stale");
  const dbUser = await testDb().user.findUniqueOrThrow({ where: { email: user.email } });
  await testDb().session.updateMany({ where: { userId: dbUser.id }, data: { createdAt: new Date(Date.now() - 11 * 60_000) } });

  const api = await user.page.request.post("/api/keys", { data: { name: "late", scopes: ["models:read"], expiresInDays: 90 } });
  expect(api.status()).toBe(403);
  expect(((await api.json()) as { error: { code: string } }).error.code).toBe("forbidden:reauthenticate");

  await user.page.goto("/settings/api-keys");
  await user.page.getByLabel("Name").fill("late");
  await user.page.getByRole("button", { name: "Create key" }).click();
  await expect(user.page.getByRole("alert").filter({ hasText: "sign in again" })).toBeVisible();
  const link = user.page.getByRole("link", { name: "Sign in again" });
  expect(new URL((await link.getAttribute("href"))!, "http://x.invalid").searchParams.get("callbackUrl")).toBe("/settings/api-keys");
  expect(await testDb().apiKey.count({ where: { userId: dbUser.id } })).toBe(0);

  // Signing in again (through the mailed link) brings the person back, and now the key is created.
  const before = (await mailTo(user.email)).length;
  await link.click();
  await expect(user.page.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();
  await user.page.getByLabel("Email").fill(user.email);
  await user.page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await user.page.goto(linkIn(await waitForMail(user.email, before + 1)));
  await user.page.getByRole("button", { name: "Sign in" }).click();
  await expect(user.page).toHaveURL(/\/settings\/api-keys$/);
  await user.page.getByLabel("Name").fill("after reauth");
  await user.page.getByRole("button", { name: "Create key" }).click();
  await expect(user.page.getByRole("textbox", { name: "New API key" })).toHaveValue(/^kl_live_/);
  await user.close();
});

test("the create form and API validate input and refuse cross-site writes", async ({ browser }) => {
  const user = await signedInUser(browser, "validate");
  await user.page.goto("/settings/api-keys");
  await user.page.getByRole("checkbox", { name: /models:read/ }).uncheck();
  await user.page.getByRole("checkbox", { name: /chat:write/ }).uncheck();
  await user.page.getByRole("button", { name: "Create key" }).click();
  await expect(user.page.getByText("Give the key a name")).toBeVisible();

  const bad = await user.page.request.post("/api/keys", { data: { name: "x", scopes: ["admin"], expiresInDays: 3650 } });
  expect(bad.status()).toBe(400);
  const forged = await user.page.request.post("/api/keys", {
    data: { name: "csrf", scopes: ["models:read"], expiresInDays: 90 },
    headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
  });
  expect(forged.status()).toBe(403);
  await user.close();
});

