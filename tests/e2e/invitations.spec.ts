import path from "node:path";
import { sha256Hex } from "../../lib/auth/tokens";
import { signedInUser } from "./support/api-keys";
import { expectOk, signedInAdmin, standingOf, userIdOf } from "./support/admin";
import { freePort, startAppProcess, type AppProcess } from "./support/app-process";
import { testDb } from "./support/db";
import { acceptInvitation, invitationRow, invite, invitedWithLink } from "./support/invitations";
import { linkIn, mailTo, waitForMail } from "./support/mail";
import { expect, test, type Page } from "./support/test";
import { requestMagicLink, uniqueEmail } from "./support/users";

// Invitations: an app process with SIGNUP=invite (sharing the rig's database and mail capture), and the rig's
// own app (SIGNUP=open). The admins are the rig's (ADMIN_EMAILS); their session cookie works on both.
test.describe.configure({ mode: "serial", retries: 0 });

let inviteApp: AppProcess;
let approvalApp: AppProcess;

test.beforeAll(async () => {
  test.setTimeout(150_000);
  const limits = { RATE_LIMIT_SIGNIN_IP: "1000/15m", RATE_LIMIT_PASSKEY_CHALLENGE_IP: "1000/15m" };
  [inviteApp, approvalApp] = await Promise.all([
    startAppProcess({ name: "invitations-invite", port: await freePort(), env: { SIGNUP: "invite", ...limits } }),
    startAppProcess({ name: "invitations-approval", port: await freePort(), env: { SIGNUP: "approval", ...limits } }),
  ]);
});

test.afterAll(async () => {
  await Promise.all([inviteApp?.kill(), approvalApp?.kill()]);
});

async function confirmSignIn(page: Page, magicLink: string) {
  await page.goto(magicLink);
  await page.getByRole("button", { name: "Sign in" }).click();
}

// What the invite app answers to a magic-link request for `email`: the neutral check-email page, and a mail
// only if the address may sign in (asked after a control that does get one, so a stray mail would be there).
// Controls: admins of the rig (ADMIN_EMAILS), one per call, as magic links are limited per address.
const controls = [30, 19, 18, 17, 16, 15, 14, 13].map((n) => `rig-admin-${n}@example.test`);
async function expectNoMailFor(page: Page, email: string) {
  const control = controls.shift();
  if (!control) throw new Error("out of control addresses");
  const before = (await mailTo(email)).length;
  await page.goto(`${inviteApp.origin}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await requestMagicLink(page, control, inviteApp.origin);
  expect((await mailTo(email)).length).toBe(before);
  expect(await testDb().user.count({ where: { email } })).toBe(0);
}

const unusable = (page: Page) => expect(page.getByRole("heading", { name: "This invitation cannot be used" })).toBeVisible();

type AuditEntry = { action: string; actorEmail: string | null; targetId: string | null; targetEmail: string | null; ip: string | null; detail: Record<string, unknown> };
async function auditEntries(page: Page): Promise<AuditEntry[]> {
  const response = await page.request.get("/api/admin/audit");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { entries: AuditEntry[] }).entries;
}

test("invite mode: an invited address gets a link by mail, signs in, and is active at once with the invited role; the link is then used up", async ({ browser }) => {
  const admin = await signedInAdmin(browser, 25);
  const email = uniqueEmail("invitee");
  const { id, link } = await invitedWithLink(admin.page, email, "admin", inviteApp.origin);
  expect(link).toMatch(new RegExp(`^${inviteApp.origin}/invite/[\\w-]{43}$`));
  const token = new URL(link).pathname.split("/").pop()!;
  const stored = await testDb().invitation.findUniqueOrThrow({ where: { id }, omit: { tokenHash: false } });
  expect(stored.tokenHash).toBe(sha256Hex(token));
  expect(JSON.stringify(stored)).not.toContain(token);
  expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(7 * 24 * 3600 * 1000);
  expect(await invitationRow(id, admin.page)).toMatchObject({ email, role: "admin", status: "pending", invitedBy: { email: admin.email }, usedBy: null });

  // Opening the link signs nobody in and uses nothing up (mail scanners open links).
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  expect(await testDb().user.count({ where: { email } })).toBe(0);
  const magicLink = await acceptInvitation(page, link, email);
  expect((await invitationRow(id, admin.page))?.status).toBe("pending");
  await confirmSignIn(page, magicLink);
  await expect(page.getByTestId("signed-in-as")).toHaveText(email);
  await expect(page).toHaveURL(`${inviteApp.origin}/chat`);
  expect(await standingOf(email)).toEqual({ role: "admin", status: "active", suspendedReason: null });
  const userId = await userIdOf(email);
  expect(await invitationRow(id, admin.page)).toMatchObject({ status: "used", usedBy: userId });
  expect((await page.request.get(`${inviteApp.origin}/api/admin/users`)).status()).toBe(200);

  // Replayed: the page refuses it, offers nothing to click, and the account stays one.
  await page.goto(link);
  await unusable(page);
  await expect(page.getByRole("button", { name: "Email me a sign-in link" })).toHaveCount(0);
  expect(await testDb().user.count({ where: { email } })).toBe(1);

  const entries = await auditEntries(admin.page);
  expect(entries.find((entry) => entry.action === "invitation.create" && entry.targetEmail === email)).toMatchObject({ actorEmail: admin.email, detail: { invitation: id, role: "admin" } });
  const used = entries.find((entry) => entry.action === "invitation.use" && entry.targetEmail === email);
  expect(used).toMatchObject({ targetId: userId, detail: { invitation: id, role: "admin", invitedBy: admin.email, provider: "email" } });
  expect(used?.ip).toBeTruthy();
  expect(JSON.stringify(entries)).not.toContain(token);
  await Promise.all([admin.close(), context.close()]);
});

test("two sign-ins racing on one invitation make one account, and use it once", async ({ browser, playwright }) => {
  const admin = await signedInAdmin(browser, 26);
  const email = uniqueEmail("race");
  const { id, link } = await invitedWithLink(admin.page, email, "member", inviteApp.origin);
  const page = await (await browser.newContext()).newPage();
  const links = [await acceptInvitation(page, link, email), await acceptInvitation(page, link, email)];
  const callbacks = links.map((magic) => {
    const url = new URL(magic);
    url.pathname = "/api/auth/callback/email";
    return url.toString();
  });
  const clients = await Promise.all(callbacks.map(() => playwright.request.newContext()));
  const answers = await Promise.all(callbacks.map((url, i) => clients[i]!.get(url, { maxRedirects: 0 })));
  expect(answers.map((answer) => answer.status()).sort()).toEqual([302, 302]);
  expect(await testDb().user.count({ where: { email } })).toBe(1);
  const userId = await userIdOf(email);
  expect(await testDb().invitation.findUniqueOrThrow({ where: { id } })).toMatchObject({ usedById: userId, usedAt: expect.any(Date) });
  expect(await testDb().auditEntry.count({ where: { action: "invitation.use", targetEmail: email } })).toBe(1);
  expect(await standingOf(email)).toMatchObject({ role: "member", status: "active" });
  await Promise.all([admin.close(), page.context().close(), ...clients.map((client) => client.dispose())]);
});

test("expired and revoked invitations admit nobody, and uninvited addresses get the same neutral answer, recorded once on the audit trail", async ({ browser, page }) => {
  const admin = await signedInAdmin(browser, 27);

  // Expired: a row made directly in the database, its token known to the test only.
  const expiredEmail = uniqueEmail("expired");
  const token = "e2e-expired-invitation-token-0123456789abcd";
  await testDb().invitation.create({
    data: { email: expiredEmail, role: "member", tokenHash: sha256Hex(token), invitedById: admin.id, invitedByEmail: admin.email, createdAt: new Date(Date.now() - 8 * 86_400_000), expiresAt: new Date(Date.now() - 86_400_000) },
  });
  await page.goto(`${inviteApp.origin}/invite/${token}`);
  await unusable(page);
  await expectNoMailFor(page, expiredEmail);
  const expired = await testDb().invitation.findFirstOrThrow({ where: { email: expiredEmail } });
  expect((await invitationRow(expired.id, admin.page))?.status).toBe("expired");

  // Revoked: refused from then on; revoking again changes nothing.
  const revokedEmail = uniqueEmail("revoked");
  const { id, link } = await invitedWithLink(admin.page, revokedEmail, "member", inviteApp.origin);
  const revoked = await admin.page.request.delete(`/api/admin/invitations/${id}`);
  await expectOk(revoked);
  expect((await revoked.json()).invitation).toMatchObject({ id, status: "revoked", revokedAt: expect.any(String) });
  await page.goto(link);
  await unusable(page);
  await expectNoMailFor(page, revokedEmail);
  const again = await admin.page.request.delete(`/api/admin/invitations/${id}`);
  await expectOk(again);
  expect(await testDb().auditEntry.count({ where: { action: "invitation.revoke", targetEmail: revokedEmail } })).toBe(1);
  expect((await admin.page.request.delete(`/api/admin/invitations/no-such-invitation`)).status()).toBe(404);

  // Uninvited: the neutral answer, and one audit entry however often it is asked (no flooding the chain).
  const stranger = uniqueEmail("stranger");
  await expectNoMailFor(page, stranger);
  await expectNoMailFor(page, stranger);
  const refusals = (await auditEntries(admin.page)).filter((entry) => entry.action === "sign_in.sign_up_refused" && entry.targetEmail === stranger);
  expect(refusals).toHaveLength(1);
  expect(refusals[0]).toMatchObject({ actorEmail: null, detail: { provider: "email", reason: "not_invited" } });
  expect(refusals[0]!.ip).toBeTruthy();
  await admin.close();
});

test("someone else holding an invitation link can only have the link mailed to the invited address; their own sign-ins do not use it", async ({ browser }) => {
  const admin = await signedInAdmin(browser, 28);
  const alice = uniqueEmail("alice");
  const mallory = uniqueEmail("mallory");
  const { id, link } = await invitedWithLink(admin.page, alice, "member", inviteApp.origin);

  const malloryPage = await (await browser.newContext()).newPage();
  const aliceLink = await acceptInvitation(malloryPage, link, alice);
  expect(await mailTo(mallory)).toEqual([]);
  // Mallory's own address: invite mode says nothing and sends nothing; on the open rig she gets an account
  // of her own, and Alice's invitation is untouched either way.
  await expectNoMailFor(malloryPage, mallory);
  await requestMagicLink(malloryPage, mallory).then((magic) => confirmSignIn(malloryPage, magic));
  await expect(malloryPage.getByTestId("signed-in-as")).toHaveText(mallory);
  expect(await standingOf(mallory)).toMatchObject({ role: "member" });
  expect((await invitationRow(id, admin.page))?.status).toBe("pending");

  const alicePage = await (await browser.newContext()).newPage();
  await confirmSignIn(alicePage, aliceLink);
  await expect(alicePage.getByTestId("signed-in-as")).toHaveText(alice);
  expect(await invitationRow(id, admin.page)).toMatchObject({ status: "used", usedBy: await userIdOf(alice) });
  await Promise.all([admin.close(), malloryPage.context().close(), alicePage.context().close()]);
});

test("inviting an address that has an account, or a pending invitation, is refused with a clear error", async ({ browser }) => {
  const admin = await signedInAdmin(browser, 29);
  const existing = await invite(admin.page, admin.email, "member");
  expect(existing.status()).toBe(409);
  expect((await existing.json()).error).toEqual({ code: "conflict:account_exists", message: `${admin.email} already has an account. Change their role on their user page instead.` });
  const email = uniqueEmail("twice");
  await invitedWithLink(admin.page, email, "member");
  const twice = await invite(admin.page, email, "admin");
  expect(twice.status()).toBe(409);
  expect((await twice.json()).error.code).toBe("conflict:invitation_pending");
  for (const data of [{ email: "not an address", role: "member" }, { email: uniqueEmail("x"), role: "owner" }, { email: uniqueEmail("y"), role: "member", extra: 1 }]) {
    const bad = await admin.page.request.post("/api/admin/invitations", { data });
    expect(bad.status(), JSON.stringify(data)).toBe(400);
  }
  expect(await testDb().invitation.count({ where: { email } })).toBe(1);
  await admin.close();
});

test("a member calling every invitation route gets the unknown-path 404 and changes nothing; cross-site writes by an admin are refused", async ({ browser }) => {
  const admin = await signedInAdmin(browser, 24);
  const target = uniqueEmail("kept");
  const { id } = await invitedWithLink(admin.page, target, "member");
  const member = await signedInUser(browser, "invite-nosy");
  const victim = uniqueEmail("not-invited");
  const call = async (page: Page, method: string, url: string) => {
    const response = await page.request.fetch(url, { method, data: method === "GET" ? undefined : { email: victim, role: "admin" } });
    return { status: response.status(), body: await response.text() };
  };
  for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
    const unknown = await call(member.page, method, "/api/no-such-route");
    expect(unknown.status).toBe(404);
    for (const url of ["/api/admin/invitations", `/api/admin/invitations/${id}`, "/api/admin/invitations?cursor=x"]) {
      expect(await call(member.page, method, url), `${method} ${url}`).toEqual(unknown);
    }
  }
  const pageAt = async (url: string) => ({ status: (await member.page.goto(url))?.status(), heading: await member.page.getByRole("heading").first().textContent() });
  const unknownPage = await pageAt("/no-such-page-here");
  expect(unknownPage.status).toBe(404);
  expect(await pageAt("/admin/invitations")).toEqual(unknownPage);

  for (const headers of [{ "sec-fetch-site": "cross-site" }, { origin: "https://evil.example" }] as Record<string, string>[]) {
    const post = await admin.page.request.post("/api/admin/invitations", { data: { email: victim, role: "admin" }, headers });
    expect(post.status()).toBe(403);
    expect((await admin.page.request.delete(`/api/admin/invitations/${id}`, { headers })).status()).toBe(403);
  }
  expect(await testDb().invitation.count({ where: { email: victim } })).toBe(0);
  expect((await invitationRow(id, admin.page))?.status).toBe("pending");
  expect(await mailTo(victim)).toEqual([]);
  await Promise.all([admin.close(), member.close()]);
});

test("a suspended user's sign-in attempt is on the audit trail", async ({ browser }) => {
  const admin = await signedInAdmin(browser, 23);
  const member = await signedInUser(browser, "audit-suspended");
  const memberId = await userIdOf(member.email);
  await expectOk(await admin.page.request.patch(`/api/admin/users/${memberId}`, { data: { status: "suspended", reason: "Audit test" } }));
  const link = await requestMagicLink(member.page, member.email);
  await confirmSignIn(member.page, link);
  await expect(member.page.getByRole("heading", { name: "This account is suspended" })).toBeVisible();
  const entry = (await auditEntries(admin.page)).find((row) => row.action === "sign_in.suspended" && row.targetId === memberId);
  expect(entry).toMatchObject({ actorEmail: null, targetEmail: member.email, detail: { provider: "email", reason: "suspended" } });
  expect(entry?.ip).toBeTruthy();
  await Promise.all([admin.close(), member.close()]);
});

test("screenshots of the invitations page and the invitation link: desktop and phone, light and dark", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await signedInAdmin(browser, 5);
  const { link } = await invitedWithLink(admin.page, uniqueEmail("shot-pending"), "admin");
  const revoked = await invitedWithLink(admin.page, uniqueEmail("shot-revoked"), "member");
  await admin.page.request.delete(`/api/admin/invitations/${revoked.id}`);
  const dir = path.join("test-results", "screenshots", "admin");
  const visitor = await (await browser.newContext()).newPage();
  for (const [width, height, device] of [[1280, 800, "desktop"], [390, 844, "phone"]] as const) {
    for (const scheme of ["light", "dark"] as const) {
      for (const page of [admin.page, visitor]) {
        await page.setViewportSize({ width, height });
        await page.emulateMedia({ colorScheme: scheme });
      }
      await admin.page.goto("/admin/invitations");
      await expect(admin.page.getByRole("heading", { name: "Invite someone" })).toBeVisible();
      await admin.page.screenshot({ path: path.join(dir, `invitations-${device}-${scheme}.png`), fullPage: true });
      await visitor.goto(link);
      await expect(visitor.getByRole("heading", { name: "You're invited to Keyline" })).toBeVisible();
      await visitor.screenshot({ path: path.join(dir, `invitation-link-${device}-${scheme}.png`), fullPage: true });
    }
  }
  await Promise.all([admin.close(), visitor.context().close()]);
});

test("an admin invites from the console and revokes from it", async ({ browser }) => {
  const admin = await signedInAdmin(browser, 6);
  const email = uniqueEmail("console-invite");
  await admin.page.goto("/admin/invitations");
  await admin.page.getByLabel("Email address").fill(email);
  await admin.page.getByLabel("Role").selectOption("admin");
  await admin.page.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  const mail = await waitForMail(email);
  expect(linkIn(mail)).toContain("/invite/");
  const row = admin.page.getByTestId("invitation").filter({ hasText: email });
  await expect(row.getByText("pending")).toBeVisible();
  await expect(row.getByText(`by ${admin.email}`)).toBeVisible();
  await row.getByRole("button", { name: `Revoke the invitation of ${email}` }).click();
  await expect(row.getByText("revoked", { exact: true })).toBeVisible();
  await admin.page.getByLabel("Email address").fill(admin.email);
  await admin.page.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.page.getByText(`${admin.email} already has an account.`)).toBeVisible();
  await admin.close();
});

test("approval mode: every active admin is mailed about a new pending account, with a link to it; an invited address is active at once", async ({ browser }) => {
  const admins = [await signedInAdmin(browser, 7), await signedInAdmin(browser, 8)];
  const email = uniqueEmail("waits");
  const page = await (await browser.newContext()).newPage();
  await requestMagicLink(page, email, approvalApp.origin).then((magic) => confirmSignIn(page, magic));
  await expect(page.getByRole("heading", { name: "Waiting for approval" })).toBeVisible();
  const userId = await userIdOf(email);
  for (const admin of admins) {
    const notice = async () => (await mailTo(admin.email)).find((mail) => mail.subject.includes(email));
    await expect.poll(notice, { message: `notice to ${admin.email}`, timeout: 15_000 }).toBeTruthy();
    const mail = (await notice())!;
    expect(mail.subject).toBe(`New Keyline account waiting for approval: ${email}`);
    expect(mail.text).toContain(`${email} signed up`);
    expect(linkIn(mail)).toBe(`${approvalApp.origin}/admin/users/${userId}`);
  }
  // The link opens the user's page in the console, where the admin approves.
  await admins[0]!.page.goto(`/admin/users/${userId}`);
  await expect(admins[0]!.page.getByRole("button", { name: "Approve" })).toBeVisible();

  const invited = uniqueEmail("invited-approval");
  const { id, link } = await invitedWithLink(admins[0]!.page, invited, "member", approvalApp.origin);
  const invitedPage = await (await browser.newContext()).newPage();
  await confirmSignIn(invitedPage, await acceptInvitation(invitedPage, link, invited));
  await expect(invitedPage.getByTestId("signed-in-as")).toHaveText(invited);
  expect(await standingOf(invited)).toMatchObject({ role: "member", status: "active" });
  expect((await invitationRow(id, admins[0]!.page))?.status).toBe("used");
  // Nobody is told about an account that does not wait.
  expect((await mailTo(admins[1]!.email)).some((mail) => mail.subject.includes(invited))).toBe(false);
  await Promise.all([...admins.map((admin) => admin.close()), page.context().close(), invitedPage.context().close()]);
});

test("the users list sorts by last seen, most recent first, and its cursor pages through every account once", async ({ browser }) => {
  const admin = await signedInAdmin(browser, 9);
  // 70 accounts seen far in the future (so they lead the list whatever else runs), some at the same moment.
  const base = Date.UTC(2200, 0, 1);
  const tag = crypto.randomUUID().slice(0, 8);
  const rows = Array.from({ length: 70 }, (_, i) => ({ email: `seen-${tag}-${i}@example.test`, role: "member", status: "active", lastSeenAt: new Date(base - Math.floor(i / 3) * 60_000) }));
  await testDb().user.createMany({ data: rows });
  // Accounts without an address (a GitHub sign-up with a private email) are in the list too.
  const seen: { email: string | null; lastSeenAt: string }[] = [];
  let cursor: string | null = null;
  do {
    const response = await admin.page.request.get(`/api/admin/users?sort=lastSeen${cursor ? `&cursor=${cursor}` : ""}`);
    await expectOk(response);
    const page = (await response.json()) as { users: { email: string | null; lastSeenAt: string }[]; nextCursor: string | null };
    seen.push(...page.users);
    cursor = page.nextCursor;
  } while (cursor && seen.filter((user) => user.email?.startsWith(`seen-${tag}-`)).length < rows.length);
  const ours = seen.slice(0, rows.length);
  expect(new Set(ours.map((user) => user.email))).toEqual(new Set(rows.map((row) => row.email)));
  const times = ours.map((user) => Date.parse(user.lastSeenAt));
  expect(times).toEqual([...times].sort((a, b) => b - a));

  // A real sign-in counts as being seen; the console offers the order too.
  const before = Date.now() - 1000;
  const member = await signedInUser(browser, "seen-now");
  const stored = await testDb().user.findUniqueOrThrow({ where: { email: member.email } });
  expect(stored.lastSeenAt.getTime()).toBeGreaterThanOrEqual(before);
  await admin.page.goto("/admin");
  await admin.page.getByLabel("Sort").selectOption("lastSeen");
  await admin.page.getByRole("button", { name: "Filter" }).click();
  await expect(admin.page).toHaveURL(/sort=lastSeen/);
  await expect(admin.page.getByTestId("admin-user").first()).toContainText(`seen-${tag}-`);
  await testDb().user.deleteMany({ where: { email: { startsWith: `seen-${tag}-` } } });
  await Promise.all([admin.close(), member.close()]);
});
