import { expect, test } from "./support/test";
import { appOrigin } from "../support/ports";
import { signedInUser } from "./support/api-keys";
import { callMcp, connectAgent, grantFor, tokenRequest } from "./support/agents";
import { testDb } from "./support/db";
import { mailTo } from "./support/mail";

// Disconnect all on Settings → Security → Connected apps (and DELETE /api/connected-apps): every app of the
// user loses access on its next request; nobody else's apps are touched. And the mail a new app sends.

const v1Models = (token: string) => fetch(`${appOrigin}/v1/models`, { headers: { authorization: `Bearer ${token}` } });

test("Disconnect all stops every app's tokens at once and leaves another user's apps alone", async ({ browser }) => {
  const alice = await signedInUser(browser, "all-alice");
  const agent = await connectAgent(alice.page, "Alice Agent");
  const app = await grantFor(alice.page, `${appOrigin}/v1`, "models:read offline_access");
  const bob = await signedInUser(browser, "all-bob");
  const bobsAgent = await connectAgent(bob.page, "Bob Agent");

  // A browser grant mails the user too, naming the app and where to disconnect it.
  await expect.poll(async () => (await mailTo(alice.email)).filter((mail) => mail.subject.startsWith("New app connected")).length, { timeout: 15_000 }).toBe(2);
  const mail = (await mailTo(alice.email)).find((mail) => mail.subject === "New app connected to your Keyline account: Alice Agent")!;
  expect(mail.text).toContain("from the consent page");
  expect(mail.text).toContain("Alice Agent (registered dynamically)");
  expect(mail.text).toContain(`${appOrigin}/settings/security#connected-apps`);

  expect((await callMcp(agent.provider.saved!.access_token)).status).toBe(200);
  expect((await v1Models(app.accessToken)).status).toBe(200);

  await alice.page.goto("/settings/security");
  await expect(alice.page.getByTestId("connected-app-row")).toHaveCount(2);
  alice.page.once("dialog", (dialog) => void dialog.accept());
  await alice.page.getByRole("button", { name: "Disconnect all apps" }).click();
  await expect(alice.page.getByText("No connected apps.")).toBeVisible();
  await expect(alice.page.getByRole("list", { name: "Security events" })).toContainText("All connected apps revoked");

  // Neither token has expired; both grants are gone: refused on the next request, refresh tokens too.
  expect((await callMcp(agent.provider.saved!.access_token)).status).toBe(401);
  expect((await v1Models(app.accessToken)).status).toBe(401);
  const refresh = await tokenRequest({ grant_type: "refresh_token", refresh_token: app.refreshToken!, client_id: app.clientId });
  expect(refresh.body.error).toBe("invalid_grant");

  // Bob's agent still works.
  expect((await callMcp(bobsAgent.provider.saved!.access_token)).status).toBe(200);
  const bobUser = await testDb().user.findFirstOrThrow({ where: { email: bob.email } });
  expect(await testDb().oAuthRecord.count({ where: { kind: "Grant", userId: bobUser.id } })).toBe(1);
  await alice.close();
  await bob.close();
});

test("DELETE /api/connected-apps: refused cross-site and signed out; revokes only the caller's apps", async ({ browser }) => {
  const carol = await signedInUser(browser, "all-carol");
  const carols = await connectAgent(carol.page, "Carol Agent");
  const dave = await signedInUser(browser, "all-dave");
  const daves = await connectAgent(dave.page, "Dave Agent");

  const crossSite = await carol.page.request.delete("/api/connected-apps", { headers: { "sec-fetch-site": "cross-site", origin: "https://evil.example" } });
  expect(crossSite.status()).toBe(403);
  expect((await callMcp(carols.provider.saved!.access_token)).status).toBe(200);

  const anonymous = await browser.newContext();
  expect((await anonymous.request.delete(`${appOrigin}/api/connected-apps`)).status()).toBe(401);
  await anonymous.close();

  const revoked = await carol.page.request.delete("/api/connected-apps");
  expect(revoked.status()).toBe(200);
  expect(await revoked.json()).toEqual({ revoked: 1 });
  expect((await callMcp(carols.provider.saved!.access_token)).status).toBe(401);
  expect((await callMcp(daves.provider.saved!.access_token)).status).toBe(200);
  // Nothing left: nothing to revoke, and no log entry for nothing.
  expect(await (await carol.page.request.delete("/api/connected-apps")).json()).toEqual({ revoked: 0 });
  const carolUser = await testDb().user.findFirstOrThrow({ where: { email: carol.email } });
  expect(await testDb().securityEvent.count({ where: { userId: carolUser.id, type: "oauth_apps_revoked_all" } })).toBe(1);
  await carol.close();
  await dave.close();
});
