import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { createKey, openaiClient, rejectionOf, signedInUser } from "./support/api-keys";
import { expectOk, patchUser, signedInAdmin, standingOf, userIdOf } from "./support/admin";
import { testDb } from "./support/db";
import { expect, test, type Page } from "./support/test";
import { requestMagicLink } from "./support/users";

// The admin API on the rig (SIGNUP=open, ADMIN_EMAILS = rig-admin-N@example.test).
test.describe.configure({ retries: 0 });

const ADMIN_ROUTES: [string, (id: string) => string][] = [
  ["GET", () => "/api/admin/users"],
  ["GET", () => "/api/admin/users?q=a&status=active&role=admin"],
  ["POST", () => "/api/admin/users"],
  ["GET", (id) => `/api/admin/users/${id}`],
  ["PATCH", (id) => `/api/admin/users/${id}`],
  ["PUT", (id) => `/api/admin/users/${id}`],
  ["DELETE", (id) => `/api/admin/users/${id}`],
  ["DELETE", (id) => `/api/admin/users/${id}/sessions`],
  ["GET", () => "/api/admin/audit"],
  ["GET", () => "/api/admin/audit?format=jsonl"],
];

async function call(page: Page, method: string, path: string) {
  const response = await page.request.fetch(path, { method, data: method === "GET" ? undefined : { role: "member", status: "suspended", reason: "x" } });
  return { status: response.status(), body: await response.text(), type: response.headers()["content-type"] };
}

test("a member (and a pending or unknown session) calling every admin route gets the unknown-path 404 and changes nothing", async ({ browser }) => {
  const member = await signedInUser(browser, "nosy");
  const victim = await signedInUser(browser, "victim");
  const victimId = await userIdOf(victim.email);
  const unknown = await call(member.page, "GET", "/api/this-route-does-not-exist");
  expect(unknown.status).toBe(404);
  expect(JSON.parse(unknown.body)).toEqual({ error: { code: "not_found:route", message: "There is nothing at this address." } });
  for (const [method, path] of ADMIN_ROUTES) {
    const expected = await call(member.page, method, `/api/this-route-does-not-exist`);
    expect(await call(member.page, method, path(victimId)), `${method} ${path(victimId)}`).toEqual(expected);
  }
  // A session cookie that names no session: the same.
  const forged = await browser.newContext();
  await forged.addCookies([{ name: "authjs.session-token", value: "forged-token-value", url: test.info().project.use.baseURL! }]);
  const forgedPage = await forged.newPage();
  for (const [method, path] of ADMIN_ROUTES) expect(await call(forgedPage, method, path(victimId))).toEqual(await call(forgedPage, method, "/api/nothing-here"));
  expect(await standingOf(victim.email)).toEqual({ role: "member", status: "active", suspendedReason: null });
  expect(await testDb().auditEntry.count({ where: { targetId: victimId } })).toBe(0);
  await Promise.all([member.close(), victim.close(), forged.close()]);
});

test("suspension stops an open browser session and an API key on their next request; signing in again shows the reason", async ({ browser }) => {
  const admin = await signedInAdmin(browser, 1);
  const member = await signedInUser(browser, "suspended");
  const { key } = await createKey(member.page);
  const client = openaiClient(key);
  expect((await client.models.list()).data.length).toBeGreaterThan(0);
  const memberId = await userIdOf(member.email);

  await expectOk(await patchUser(admin.page, memberId, { status: "suspended", reason: "Shared the account with a contractor" }));

  await member.page.goto("/chat");
  await expect(member.page).toHaveURL(/\/login/);
  const refused = (await rejectionOf(client.models.list())) as { status: number; message: string };
  expect(refused.status).toBe(401);
  expect(refused.message).toContain("suspended");

  // Signing in again: the link is mailed as to anyone, and using it shows the suspension and its reason.
  const link = await requestMagicLink(member.page, member.email);
  await member.page.goto(link);
  await member.page.getByRole("button", { name: "Sign in" }).click();
  await expect(member.page.getByRole("heading", { name: "This account is suspended" })).toBeVisible();
  await expect(member.page.getByText("Shared the account with a contractor")).toBeVisible();
  // No session was made: the browser still holds only the old cookie, which gets it nowhere.
  expect(await testDb().session.count({ where: { userId: memberId } })).toBe(0);
  await member.page.goto("/chat");
  await expect(member.page).toHaveURL(/\/login/);

  // Reactivated: the key works again, and the user's own log says what happened, without the admin's details.
  await expectOk(await patchUser(admin.page, memberId, { status: "active" }));
  expect((await client.models.list()).data.length).toBeGreaterThan(0);
  const events = await testDb().securityEvent.findMany({ where: { userId: memberId, type: { startsWith: "admin_" } }, orderBy: { createdAt: "asc" } });
  expect(events.map((e) => [e.type, e.ip, e.userAgent])).toEqual([["admin_suspended", null, null], ["admin_reactivated", null, null]]);
  await Promise.all([admin.close(), member.close()]);
});

test("sign out everywhere ends the user's sessions; role changes; the audit trail records it all", async ({ browser }) => {
  const admin = await signedInAdmin(browser, 2);
  const member = await signedInUser(browser, "signout");
  const memberId = await userIdOf(member.email);
  const ended = await admin.page.request.delete(`/api/admin/users/${memberId}/sessions`);
  await expectOk(ended);
  expect(await ended.json()).toEqual({ sessionsEnded: 1 });
  await member.page.goto("/settings/account");
  await expect(member.page).toHaveURL(/\/login/);

  await expectOk(await patchUser(admin.page, memberId, { role: "admin" }));
  const detail = await admin.page.request.get(`/api/admin/users/${memberId}`);
  expect((await detail.json()).user).toMatchObject({ id: memberId, email: member.email, role: "admin", status: "active", signInMethods: [] });
  await expectOk(await patchUser(admin.page, memberId, { role: "member" }));

  // Search ignores case. "Last seen" is kept on the account, so it outlives the sessions just ended.
  const list = await admin.page.request.get(`/api/admin/users?q=${encodeURIComponent(member.email.toUpperCase())}`);
  const users = (await list.json()).users as { createdAt: string; lastSeenAt: string }[];
  expect(users).toEqual([{ id: memberId, email: member.email, name: null, role: "member", status: "active", createdAt: expect.any(String), lastSeenAt: expect.any(String), usage: { tokens30d: 0 } }]);
  expect(Date.parse(users[0]!.lastSeenAt)).toBeGreaterThanOrEqual(Date.parse(users[0]!.createdAt));

  const audit = (await (await admin.page.request.get("/api/admin/audit")).json()) as { entries: { action: string; targetId: string; actorEmail: string; detail: unknown }[] };
  expect(audit.entries.filter((e) => e.targetId === memberId).map((e) => [e.action, e.actorEmail, e.detail])).toEqual([
    ["user.role", admin.email, { from: "admin", to: "member" }],
    ["user.role", admin.email, { from: "member", to: "admin" }],
    ["user.sign_out", admin.email, { sessions: 1 }],
  ]);
  const jsonl = await admin.page.request.get("/api/admin/audit?format=jsonl");
  expect(jsonl.headers()["content-type"]).toContain("application/jsonl");
  const lines = (await jsonl.text()).trim().split("\n").map((line) => JSON.parse(line) as { seq: number; hash: string; prevHash: string });
  expect(lines.length).toBeGreaterThanOrEqual(3);
  for (let i = 1; i < lines.length; i++) expect(lines[i - 1]!.prevHash).toBe(lines[i]!.hash);
  await Promise.all([admin.close(), member.close()]);
});

test("admin writes: cross-site refused, a recent sign-in needed, no self-suspension, reasons required", async ({ browser }) => {
  const admin = await signedInAdmin(browser, 3);
  const member = await signedInUser(browser, "target");
  const memberId = await userIdOf(member.email);
  const crossSite = await admin.page.request.patch(`/api/admin/users/${memberId}`, {
    data: { status: "suspended", reason: "x" },
    headers: { "sec-fetch-site": "cross-site", origin: "https://evil.test" },
  });
  expect(crossSite.status()).toBe(403);
  expect((await crossSite.json()).error.code).toBe("forbidden:cross_origin");

  const self = await patchUser(admin.page, admin.id, { status: "suspended", reason: "x" });
  expect(self.status()).toBe(403);
  expect((await self.json()).error.code).toBe("forbidden:suspend_self");
  const noReason = await patchUser(admin.page, memberId, { status: "suspended" });
  expect(noReason.status()).toBe(400);
  const unknownField = await patchUser(admin.page, memberId, { role: "member", isAdmin: true });
  expect(unknownField.status()).toBe(400);
  expect((await admin.page.request.get("/api/admin/users/no-such-user")).status()).toBe(404);

  // The admin's sign-in was 11 minutes ago: reading still works, changing does not.
  await testDb().session.updateMany({ where: { userId: admin.id }, data: { createdAt: new Date(Date.now() - 11 * 60_000) } });
  expect((await admin.page.request.get("/api/admin/users")).status()).toBe(200);
  const stale = await patchUser(admin.page, memberId, { status: "suspended", reason: "x" });
  expect(stale.status()).toBe(403);
  expect((await stale.json()).error.code).toBe("forbidden:reauthenticate");
  expect(await standingOf(member.email)).toMatchObject({ status: "active" });
  await Promise.all([admin.close(), member.close()]);
});

test("an admin deletes a user with their data; npm run audit:verify names an edited row", async ({ browser }) => {
  // Two runs of the script (tsx start-up) on a shared, loaded machine.
  test.setTimeout(150_000);
  const admin = await signedInAdmin(browser, 4);
  const member = await signedInUser(browser, "deleted");
  const memberId = await userIdOf(member.email);
  const deleted = await admin.page.request.delete(`/api/admin/users/${memberId}`);
  expect(deleted.status()).toBe(204);
  expect(await testDb().user.count({ where: { id: memberId } })).toBe(0);
  await member.page.goto("/chat");
  await expect(member.page).toHaveURL(/\/login/);

  const verify = () =>
    promisify(execFile)("npx", ["tsx", "scripts/audit-verify.ts"], { env: process.env }).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
    );
  expect(await verify()).toMatchObject({ code: 0, out: expect.stringContaining("audit chain intact") });
  const entry = await testDb().auditEntry.findFirstOrThrow({ where: { targetId: memberId, action: "user.delete" } });
  await testDb().auditEntry.update({ where: { seq: entry.seq }, data: { targetEmail: "someone-else@example.test" } });
  try {
    expect(await verify()).toMatchObject({ code: 1, out: expect.stringContaining(`BROKEN at seq ${entry.seq}`) });
  } finally {
    await testDb().auditEntry.update({ where: { seq: entry.seq }, data: { targetEmail: entry.targetEmail } });
  }
  await Promise.all([admin.close(), member.close()]);
});
