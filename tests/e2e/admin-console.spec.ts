import path from "node:path";
import { signedInUser } from "./support/api-keys";
import { signedInAdmin, standingOf, userIdOf } from "./support/admin";
import { testDb } from "./support/db";
import { expect, test, type Page } from "./support/test";

// The admin console on the rig (ADMIN_EMAILS = rig-admin-N@example.test), driven as an admin would.
test.describe.configure({ retries: 0 });

async function notFoundPage(page: Page, path: string) {
  const response = await page.goto(path);
  return { status: response?.status(), heading: await page.getByRole("heading").first().textContent() };
}

test("for a member and a signed-out visitor, every admin page is the same 404 as an unknown page", async ({ browser, page }) => {
  const member = await signedInUser(browser, "console-nosy");
  const memberId = await userIdOf(member.email);
  // Nothing on a member's pages points at the console.
  await member.page.goto("/settings/account");
  await expect(member.page.getByRole("navigation", { name: "Account" })).toBeVisible();
  await expect(member.page.getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);
  for (const visitor of [member.page, page]) {
    const unknown = await notFoundPage(visitor, "/no-such-page-here");
    expect(unknown.status).toBe(404);
    for (const adminPath of ["/admin", `/admin/users/${memberId}`, "/admin/audit", "/admin/invitations", "/admin?status=pending"]) {
      expect(await notFoundPage(visitor, adminPath), adminPath).toEqual(unknown);
    }
  }
  await member.close();
});

test("an admin finds a user, suspends them with a reason, reactivates, changes their role, signs them out and deletes them", async ({ browser }) => {
  const admin = await signedInAdmin(browser, 20);
  const member = await signedInUser(browser, "console-target");
  const memberId = await userIdOf(member.email);
  const page = admin.page;

  // An admin reaches the console from the header of any settings page.
  await page.goto("/settings/account");
  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Admin", exact: true }).click();
  await expect(page).toHaveURL("/admin");
  await page.goto("/admin");
  await page.getByLabel("Search email or name").fill(member.email);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByTestId("admin-user")).toHaveCount(1);
  await page.getByRole("link", { name: member.email }).click();
  await expect(page).toHaveURL(`/admin/users/${memberId}`);

  // Each button calls the App API; wait for its answer, as the person waits for the page to update.
  const press = async (name: string) => {
    const answered = page.waitForResponse((r) => r.url().includes(`/api/admin/users/${memberId}`) && r.request().method() !== "GET");
    await page.getByRole("button", { name, exact: true }).click();
    expect((await answered).ok()).toBe(true);
  };
  await page.getByLabel("Reason for suspending (the user sees it)").fill("Left the company");
  await press("Suspend");
  await expect(page.getByText("Suspended because")).toBeVisible();
  expect(await standingOf(member.email)).toEqual({ role: "member", status: "suspended", suspendedReason: "Left the company" });
  await member.page.goto("/chat");
  await expect(member.page).toHaveURL(/\/login/);

  await press("Reactivate");
  await expect(page.getByRole("button", { name: "Suspend" })).toBeVisible();
  await press("Make admin");
  await expect(page.getByRole("button", { name: "Remove admin" })).toBeVisible();
  await press("Remove admin");
  await expect(page.getByRole("button", { name: "Make admin" })).toBeVisible();
  await press("Sign out everywhere");
  expect(await standingOf(member.email)).toEqual({ role: "member", status: "active", suspendedReason: null });

  await page.goto("/admin/audit");
  const entries = page.getByTestId("audit-entry").filter({ hasText: member.email });
  await expect(entries).toHaveCount(5);
  await expect(entries.first()).toContainText("user.sign_out");

  await page.goto(`/admin/users/${memberId}`);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Delete user" }).click();
  await expect(page).toHaveURL("/admin");
  expect(await testDb().user.count({ where: { id: memberId } })).toBe(0);
  await Promise.all([admin.close(), member.close()]);
});

test("screenshots of each admin page: desktop and phone, light and dark", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await signedInAdmin(browser, 21);
  const member = await signedInUser(browser, "console-shot");
  const memberId = await userIdOf(member.email);
  await admin.page.request.patch(`/api/admin/users/${memberId}`, { data: { status: "suspended", reason: "Screenshot example" } });
  const dir = path.join("test-results", "screenshots", "admin");
  for (const [width, height, device] of [[1280, 800, "desktop"], [390, 844, "phone"]] as const) {
    for (const scheme of ["light", "dark"] as const) {
      await admin.page.setViewportSize({ width, height });
      await admin.page.emulateMedia({ colorScheme: scheme });
      for (const [name, url] of [["users", "/admin"], ["user", `/admin/users/${memberId}`], ["audit", "/admin/audit"]] as const) {
        await admin.page.goto(url);
        await expect(admin.page.getByRole("heading", { name: "Admin" })).toBeVisible();
        await admin.page.screenshot({ path: path.join(dir, `${name}-${device}-${scheme}.png`), fullPage: true });
      }
    }
  }
  await Promise.all([admin.close(), member.close()]);
});
