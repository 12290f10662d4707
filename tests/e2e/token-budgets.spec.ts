import path from "node:path";
import { estimatePromptTokens } from "../../lib/budgets/estimate";
import { appOrigin } from "../support/ports";
import { expectOk, patchUser, signedInAdmin, userIdOf } from "./support/admin";
import { connectAgent, grantFor, toolText } from "./support/agents";
import { createKey, signedInUser } from "./support/api-keys";
import { assistantMessages, composer, marker, modelRequests, sendMessage } from "./support/chat";
import { testDb } from "./support/db";
import { expect, test, type Page } from "./support/test";

// Token budgets on the rig (BUDGET_TOKENS is off there, so only budgets an admin gives apply) against the
// real model server, which reports prompt_tokens = the words of the last user message and
// completion_tokens = the words of its reply ([[tokens=N]] replies with N).
test.describe.configure({ retries: 0 });

const REPLY = 20;
const prompt = (tag: string) => `[[tokens=${REPLY}]] budget ${tag}`;
const reported = (text: string) => text.split(/\s+/).filter(Boolean).length + REPLY;

function completion(token: string, content: string, extra: Record<string, unknown> = {}) {
  return fetch(`${appOrigin}/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ model: "openai:test-model", messages: [{ role: "user", content }], ...extra }),
  });
}

async function ledger(userId: string) {
  const rows = await testDb().tokenUsage.findMany({ where: { userId } });
  return { rows, tokens: rows.reduce((sum, row) => sum + row.inputTokens + row.outputTokens, 0), requests: rows.reduce((sum, row) => sum + row.requests, 0) };
}

// A row of a usage table, cell by cell.
function usageRow(page: Page, table: string, label: string) {
  return page.getByTestId(table).getByRole("row").filter({ has: page.getByRole("cell", { name: label, exact: true }) }).getByRole("cell");
}

async function counted(userId: string) {
  return (await testDb().tokenBudgetCounter.findUnique({ where: { userId } }))?.used ?? 0;
}

// Usage is settled after each response; wait for it rather than guess.
async function settled(userId: string, requests: number) {
  await expect.poll(async () => (await ledger(userId)).requests, { timeout: 15_000 }).toBe(requests);
}

test("50 parallel /v1 requests by one user never overspend by more than the replies in flight; the refused are 429 insufficient_quota with Retry-After", async ({ browser }) => {
  const admin = await signedInAdmin(browser, 26);
  const user = await signedInUser(browser, "parallel");
  const userId = await userIdOf(user.email);
  const { key } = await createKey(user.page);
  const budget = 300;
  await expectOk(await patchUser(admin.page, userId, { tokenBudget: `${budget}/1d` }));

  const tag = marker("par");
  const text = prompt(tag);
  const responses = await Promise.all(Array.from({ length: 50 }, () => completion(key, text)));
  const ok = responses.filter((response) => response.status === 200);
  const refused = responses.filter((response) => response.status !== 200);
  for (const response of refused) {
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await response.json()).toEqual({
      error: { type: "insufficient_quota", code: "insufficient_quota", param: null, message: expect.stringMatching(/^You have used your token budget \(300 tokens per day\)\. It resets at 00:00 UTC on \w{3}, \d{1,2} \w{3} \(in .+\)\.$/) },
    });
  }
  for (const response of ok) await response.json();

  // Each admitted request reserved its prompt's estimate while the count was under the budget, so at most
  // this many got in whatever the interleaving; the refused ones never reached the model.
  const reservation = estimatePromptTokens([{ content: text }]);
  expect(ok.length).toBeGreaterThan(0);
  expect(ok.length).toBeLessThanOrEqual(Math.floor((budget - 1) / reservation) + 1);
  expect(refused.length).toBe(50 - ok.length);
  expect((await modelRequests(tag)).length).toBe(ok.length);

  // Counted exactly what the model server reported for the admitted ones, in the ledger and the budget.
  await settled(userId, ok.length);
  const { tokens, rows } = await ledger(userId);
  expect(tokens).toBe(ok.length * reported(text));
  expect(rows).toMatchObject([{ source: "api_key", model: "openai:test-model", estimated: 0 }]);
  expect(await counted(userId)).toBe(tokens);
  // Over the budget by no more than the replies that were in flight when it ran out.
  expect(tokens).toBeLessThanOrEqual(budget + ok.length * reported(text));
  expect(tokens - budget).toBeLessThan(reported(text) * (Math.floor((budget - 1) / reservation) + 1));

  // The budget is spent: the next request is refused at once, streamed or not.
  expect((await completion(key, prompt(marker()))).status).toBe(429);
  expect((await completion(key, prompt(marker()), { stream: true })).status).toBe(429);
  await Promise.all([admin.close(), user.close()]);
});

test("the chat UI says plainly that the budget is used and when it resets; the refused message is not stored and goes back to the composer", async ({ browser }) => {
  const admin = await signedInAdmin(browser, 27);
  const user = await signedInUser(browser, "ui-budget");
  const userId = await userIdOf(user.email);
  await expectOk(await patchUser(admin.page, userId, { tokenBudget: "30/1d" }));
  const page = user.page;
  await page.goto("/chat");
  const first = `[[tokens=40]] long reply ${marker("ui")}`;
  await sendMessage(page, first);
  // The reply in flight when the budget runs out finishes.
  await expect(assistantMessages(page).first()).toContainText("w40");
  await settled(userId, 1);

  const second = `Another question ${marker("ui2")}`;
  await sendMessage(page, second);
  const alert = page.getByRole("alert").filter({ hasText: "token budget" });
  await expect(alert).toHaveText(/You have used your token budget \(30 tokens per day\)\. It resets at 00:00 UTC on \w{3}, \d{1,2} \w{3} \(in .+\)\./);
  await expect(composer(page)).toHaveValue(second);
  await page.screenshot({ path: path.join("test-results", "screenshots", "budgets", "chat-over-budget-desktop-light.png") });
  expect(await testDb().message.count({ where: { userId, role: "user" } })).toBe(1);
  expect(await modelRequests(second)).toHaveLength(0);

  // Settings → Usage shows what the model server reported.
  await page.goto("/settings/usage");
  const expected = first.split(/\s+/).length + 40;
  await expect(page.getByTestId("usage-window-used")).toHaveText(String(expected));
  await expect(page.getByTestId("usage-total")).toHaveText(String(expected));
  await expect(usageRow(page, "usage-by-source", "Chat")).toHaveText(["Chat", "1", String(expected)]);
  await expect(page.getByTestId("usage-window")).toContainText("of 30 tokens");
  await Promise.all([admin.close(), user.close()]);
});

test("an admin's own budget and exemption count from the next request; audited and in the user's security log; members get 404, cross-site 403", async ({ browser }) => {
  const admin = await signedInAdmin(browser, 28);
  const user = await signedInUser(browser, "own-budget");
  const userId = await userIdOf(user.email);
  const { key } = await createKey(user.page);

  await expectOk(await patchUser(admin.page, userId, { tokenBudget: "10/1d" }));
  expect((await completion(key, prompt(marker()))).status).toBe(200); // under the budget: in, and over it after
  await settled(userId, 1);
  const refused = await completion(key, prompt(marker()));
  expect(refused.status).toBe(429);
  const retryAfter = Number(refused.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(86_400);

  await expectOk(await patchUser(admin.page, userId, { tokenBudget: "exempt" }));
  expect((await completion(key, prompt(marker()))).status).toBe(200);
  await expectOk(await patchUser(admin.page, userId, { tokenBudget: "10/1d" }));
  expect((await completion(key, prompt(marker()))).status).toBe(429);
  await expectOk(await patchUser(admin.page, userId, { tokenBudget: null })); // the rig's default: no budget
  expect((await completion(key, prompt(marker()))).status).toBe(200);

  const bad = await patchUser(admin.page, userId, { tokenBudget: "lots" });
  expect(bad.status()).toBe(400);
  const detail = await (await admin.page.request.get(`/api/admin/users/${userId}`)).json();
  expect(detail.user).toMatchObject({ tokenBudget: null, usage: { last30Days: { requests: 3 } } });

  const audit = await testDb().auditEntry.findMany({ where: { targetId: userId, action: "user.budget" }, orderBy: { seq: "asc" } });
  expect(audit.map((entry) => JSON.parse(entry.detail))).toEqual([
    { from: "default", to: "10/1d" },
    { from: "10/1d", to: "exempt" },
    { from: "exempt", to: "10/1d" },
    { from: "10/1d", to: "default" },
  ]);
  await user.page.goto("/settings/security");
  await expect(user.page.getByTestId("security-event").filter({ hasText: "Budget changed by an administrator" })).toHaveCount(4);

  // A member calling the budget PATCH: the unknown-path 404, nothing changed.
  const member = await signedInUser(browser, "budget-nosy");
  const asMember = await member.page.request.patch(`/api/admin/users/${userId}`, { data: { tokenBudget: "exempt" } });
  const unknown = await member.page.request.patch("/api/this-route-does-not-exist", { data: { tokenBudget: "exempt" } });
  expect(asMember.status()).toBe(404);
  expect(await asMember.text()).toBe(await unknown.text());
  // A cross-site PATCH with the admin's own cookie: refused before anything is read.
  const crossSite = await admin.page.request.patch(`/api/admin/users/${userId}`, {
    data: { tokenBudget: "exempt" },
    headers: { "sec-fetch-site": "cross-site", origin: "https://evil.test" },
  });
  expect(crossSite.status()).toBe(403);
  expect((await crossSite.json()).error.code).toBe("forbidden:cross_origin");
  expect((await testDb().user.findUniqueOrThrow({ where: { id: userId } })).tokenBudget).toBeNull();
  await Promise.all([admin.close(), user.close(), member.close()]);
});

test("one budget across API keys, connected apps on /v1 and MCP send_message; the usage page tells the sources apart", async ({ browser }) => {
  const admin = await signedInAdmin(browser, 29);
  const user = await signedInUser(browser, "sources");
  const userId = await userIdOf(user.email);
  const { key } = await createKey(user.page);
  const { accessToken } = await grantFor(user.page, `${appOrigin}/v1`, "models:read chat:write");
  const { client } = await connectAgent(user.page, "Budget Agent");
  await expectOk(await patchUser(admin.page, userId, { tokenBudget: "60/1d" }));

  const viaKey = prompt(marker("key"));
  const viaApp = prompt(marker("app"));
  const viaMcp = prompt(marker("mcp"));
  expect((await completion(key, viaKey)).status).toBe(200);
  expect((await completion(accessToken, viaApp)).status).toBe(200);
  await settled(userId, 2);
  const sent = JSON.parse(toolText(await client.callTool({ name: "send_message", arguments: { text: viaMcp } })));
  expect(sent).toMatchObject({ status: "complete", reply: expect.stringContaining(`w${REPLY}`) });
  await settled(userId, 3);
  const total = reported(viaKey) + reported(viaApp) + reported(viaMcp);
  expect(total).toBeGreaterThanOrEqual(60);

  // Now over: every way in is refused, in its own shape.
  const app = await completion(accessToken, prompt(marker()));
  expect(app.status).toBe(429);
  expect((await app.json()).error.code).toBe("insufficient_quota");
  const tool = await client.callTool({ name: "send_message", arguments: { text: "One more" } });
  expect(tool.isError).toBe(true);
  expect(toolText(tool)).toMatch(/^rate_limited:token_budget: You have used your token budget \(60 tokens per day\)\./);

  await user.page.goto("/settings/usage");
  await expect(user.page.getByTestId("usage-total")).toHaveText(String(total));
  for (const [label, text] of [["API keys", viaKey], ["Connected apps", viaApp], ["Connected apps (MCP)", viaMcp]] as const) {
    await expect(usageRow(user.page, "usage-by-source", label)).toHaveText([label, "1", String(reported(text))]);
  }
  await client.close();
  await Promise.all([admin.close(), user.close()]);
});

test("the admin list shows tokens per user and sorts by them with correct cursor paging", async ({ browser }) => {
  const admin = await signedInAdmin(browser, 30);
  // More than a page of users with more usage than any other test makes (two with equal counts, ordered
  // by id), inserted as the ledger holds it.
  const day = new Date().toISOString().slice(0, 10);
  const heavy: { id: string; tokens: number }[] = [];
  for (let i = 0; i < 56; i++) {
    const tokens = 1_000_000 + Math.min(i, 55 - 1) * 1000;
    const row = await testDb().user.create({ data: { email: `${marker("heavy")}@example.test`, status: "active" } });
    await testDb().tokenUsage.create({ data: { userId: row.id, day, model: "openai:test-model", source: "chat", requests: 1, inputTokens: 1000, outputTokens: tokens - 1000 } });
    heavy.push({ id: row.id, tokens });
  }
  const expected = [...heavy].sort((a, b) => b.tokens - a.tokens || (a.id < b.id ? -1 : 1));
  const seen: { id: string; usage: { tokens30d: number } }[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const response = await admin.page.request.get(`/api/admin/users?sort=usage${cursor ? `&cursor=${cursor}` : ""}`);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { users: { id: string; usage: { tokens30d: number } }[]; nextCursor: string | null };
    seen.push(...body.users);
    cursor = body.nextCursor;
    pages++;
  } while (cursor);
  expect(pages).toBeGreaterThan(1);
  expect(new Set(seen.map((user) => user.id)).size).toBe(seen.length);
  expect(seen.slice(0, heavy.length).map((user) => [user.id, user.usage.tokens30d])).toEqual(expected.map((user) => [user.id, user.tokens]));
  for (let i = 1; i < seen.length; i++) expect(seen[i - 1]!.usage.tokens30d).toBeGreaterThanOrEqual(seen[i]!.usage.tokens30d);
  expect((await admin.page.request.get("/api/admin/users?sort=usage&cursor=bad")).status()).toBe(400);
  expect((await admin.page.request.get("/api/admin/users?sort=name")).status()).toBe(400);

  await admin.page.goto("/admin?sort=usage");
  await expect(admin.page.getByTestId("admin-user").first()).toContainText(`${expected[0]!.tokens.toLocaleString("en-US")} tokens`);
  await admin.page.getByRole("link", { name: "Next page" }).click();
  await expect(admin.page.getByTestId("admin-user").first()).toContainText(`${expected[50]!.tokens.toLocaleString("en-US")} tokens`);
  await testDb().user.deleteMany({ where: { id: { in: heavy.map((user) => user.id) } } });
  await admin.close();
});

test("screenshots of the usage pages: desktop and phone, light and dark", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await signedInAdmin(browser, 25);
  const user = await signedInUser(browser, "usage-shot");
  const userId = await userIdOf(user.email);
  const { key } = await createKey(user.page);
  await expectOk(await patchUser(admin.page, userId, { tokenBudget: "5000/1d" }));
  for (const words of [30, 80]) expect((await completion(key, `[[tokens=${words}]] ${marker("shot")}`)).status).toBe(200);
  await completion(key, `[[tokens=12]] ${marker("shot")}`, { model: "demo" });
  await settled(userId, 3);
  const dir = path.join("test-results", "screenshots", "budgets");
  for (const [width, height, device] of [[1280, 800, "desktop"], [390, 844, "phone"]] as const) {
    for (const scheme of ["light", "dark"] as const) {
      for (const [who, name, url] of [[user, "settings-usage", "/settings/usage"], [admin, "admin-user", `/admin/users/${userId}`], [admin, "admin-users", "/admin?sort=usage"]] as const) {
        await who.page.setViewportSize({ width, height });
        await who.page.emulateMedia({ colorScheme: scheme });
        await who.page.goto(url);
        await expect(who.page.getByRole("heading", { name: name === "admin-users" ? "Users" : "Usage", exact: true })).toBeVisible();
        await who.page.screenshot({ path: path.join(dir, `${name}-${device}-${scheme}.png`), fullPage: true });
      }
    }
  }
  await Promise.all([admin.close(), user.close()]);
});

test("a budget above 1,000,000,000 tokens a window is refused with a message that names the limit, by the API and the form; the stored budget stays", async ({ browser }) => {
  const admin = await signedInAdmin(browser, 12);
  const user = await signedInUser(browser, "huge-budget");
  const userId = await userIdOf(user.email);
  await expectOk(await patchUser(admin.page, userId, { tokenBudget: "5000/1d" }));
  const stored = async () => (await testDb().user.findUniqueOrThrow({ where: { id: userId } })).tokenBudget;
  const audited = () => testDb().auditEntry.count({ where: { targetId: userId, action: "user.budget" } });
  const reason = 'A budget must look like 500000/1d (tokens/window: 1 to 1,000,000,000 tokens, window from 1m to 366d), or "exempt".';

  // The largest budget is accepted; one token more is not, nor is a 10-digit count the pattern alone allows.
  await expectOk(await patchUser(admin.page, userId, { tokenBudget: "1000000000/1d" }));
  await expectOk(await patchUser(admin.page, userId, { tokenBudget: "5000/1d" }));
  for (const tokenBudget of ["1000000001/1d", "9999999999/1h"]) {
    const refused = await patchUser(admin.page, userId, { tokenBudget });
    expect(refused.status()).toBe(400);
    expect(await refused.json()).toEqual({ error: { code: "bad_request:invalid", message: `Invalid tokenBudget: ${reason}`, fieldErrors: { tokenBudget: [reason] } } });
  }
  expect(await stored()).toBe("5000/1d");
  const auditedBefore = await audited();

  // The form shows the reason and changes nothing.
  await admin.page.goto(`/admin/users/${userId}`);
  const form = admin.page.getByRole("form", { name: "Token budget" });
  await expect(form.getByLabel("Tokens per window, e.g. 500000/1d")).toHaveValue("5000/1d");
  await form.getByLabel("Tokens per window, e.g. 500000/1d").fill("2000000000/1d");
  await form.getByRole("button", { name: "Save budget" }).click();
  await expect(form.getByRole("alert")).toHaveText(reason);
  await admin.page.screenshot({ path: path.join("test-results", "screenshots", "budgets", "admin-budget-too-large-desktop-light.png"), fullPage: true });
  await admin.page.reload();
  await expect(admin.page.getByRole("form", { name: "Token budget" }).getByLabel("Tokens per window, e.g. 500000/1d")).toHaveValue("5000/1d");
  expect(await stored()).toBe("5000/1d");
  expect(await audited()).toBe(auditedBefore);
  await Promise.all([admin.close(), user.close()]);
});
