import { expect, test } from "./support/test";
import { testDb } from "./support/db";
import { addPasskeyInSettings, addVirtualAuthenticator, userByEmail, withoutPasskeyAutofill } from "./support/passkeys";
import { signInWithEmail, uniqueEmail } from "./support/users";
import { appOrigin } from "../support/ports";
import { attest, newCredential, userHandleOf } from "../support/soft-authenticator";

test("the passkey list shows each passkey's name, dates and whether it is synced, and renames it", async ({ page, context }) => {
  await withoutPasskeyAutofill(context);
  const authenticator = await addVirtualAuthenticator(page, { synced: true });
  const email = uniqueEmail();
  await signInWithEmail(page, email);
  await page.goto("/settings/security");
  await expect(page.getByText("You have no passkeys yet.")).toBeVisible();
  await addPasskeyInSettings(page);

  const item = page.getByRole("listitem", { name: "Chrome on Windows" });
  const today = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" }).format(new Date());
  await expect(item).toContainText(`Added ${today}`);
  await expect(item).toContainText("Never used");
  await expect(item).toContainText("Synced");
  const user = await userByEmail(email);
  expect(await testDb().passkey.findFirstOrThrow({ where: { userId: user.id } })).toMatchObject({ backedUp: true, deviceType: "multiDevice" });

  await item.getByRole("button", { name: "Rename Chrome on Windows" }).click();
  await item.getByLabel("Passkey name").fill("   ");
  await item.getByRole("button", { name: "Save" }).click();
  await expect(item.getByRole("alert")).toHaveText("Enter a name for this passkey.");
  await item.getByLabel("Passkey name").fill("  Work laptop  ");
  await item.getByRole("button", { name: "Save" }).click();
  const renamed = page.getByRole("listitem", { name: "Work laptop" });
  await expect(renamed).toBeVisible();
  const event = await testDb().securityEvent.findFirst({ where: { userId: user.id, type: "passkey_renamed" } });
  expect(event?.detail).toMatchObject({ from: "Chrome on Windows", to: "Work laptop" });

  // After a passkey sign-in the list says when it was last used.
  await context.clearCookies();
  await page.goto("/login?callbackUrl=%2Fsettings%2Fsecurity");
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL(/\/settings\/security$/);
  await expect(renamed).toContainText(`Last used ${today}`);
  expect((await authenticator.credentials())[0]!.signCount).toBeGreaterThan(0);
});

test("the last way to sign in cannot be removed", async ({ page, context }) => {
  await withoutPasskeyAutofill(context);
  await addVirtualAuthenticator(page);
  const email = uniqueEmail();
  await signInWithEmail(page, email);
  await addPasskeyInSettings(page);
  const user = await userByEmail(email);

  // The account's email stops counting as a way in (as for an address a provider never verified),
  // so the passkey is all that is left.
  await testDb().user.update({ where: { id: user.id }, data: { emailVerified: null } });
  // An account at a provider the server no longer offers is no way in either.
  await testDb().account.create({
    data: { userId: user.id, type: "oidc", provider: "retired-sso", providerAccountId: `gone-${user.id}` },
  });
  await page.reload();
  const item = page.getByRole("listitem", { name: "Chrome on Windows" });
  await item.getByRole("button", { name: "Remove Chrome on Windows" }).click();
  await item.getByRole("button", { name: "Remove passkey" }).click();
  await expect(item.getByRole("alert")).toHaveText("This is your last way to sign in. Add a passkey or link another account before removing it.");
  await page.reload();
  await expect(item).toBeVisible();
  expect(await testDb().passkey.count({ where: { userId: user.id } })).toBe(1);
  expect(await testDb().securityEvent.count({ where: { userId: user.id, type: "passkey_removed" } })).toBe(0);

  // With the email verified again, the same passkey can go.
  await testDb().user.update({ where: { id: user.id }, data: { emailVerified: new Date() } });
  await item.getByRole("button", { name: "Remove Chrome on Windows" }).click();
  await item.getByRole("button", { name: "Remove passkey" }).click();
  await expect(page.getByText("You have no passkeys yet.")).toBeVisible();
  expect(await testDb().passkey.count({ where: { userId: user.id } })).toBe(0);
});

test("removing both of the last two passkeys at once leaves one", async ({ page, context }) => {
  await withoutPasskeyAutofill(context);
  const email = uniqueEmail("race");
  await signInWithEmail(page, email);
  const user = await userByEmail(email);
  // Two passkeys registered through the real ceremony (a software authenticator), then the email stops
  // counting as a way in: the two passkeys are all that is left.
  for (const name of ["Key one", "Key two"]) {
    const options = await (await page.request.post("/api/passkeys/register/options")).json();
    const credential = newCredential({ userHandle: userHandleOf(user.id) });
    const response = await page.request.post("/api/passkeys/register/verify", {
      data: { response: attest(credential, { challenge: options.challenge, origin: appOrigin, rpId: "localhost" }) },
    });
    expect(response.status()).toBe(201);
    await testDb().passkey.update({ where: { id: ((await response.json()) as { passkey: { id: string } }).passkey.id }, data: { name } });
  }
  await testDb().user.update({ where: { id: user.id }, data: { emailVerified: null } });

  const other = await context.newPage();
  await page.goto("/settings/security");
  await other.goto("/settings/security");
  await page.getByRole("listitem", { name: "Key one" }).getByRole("button", { name: "Remove Key one" }).click();
  await other.getByRole("listitem", { name: "Key two" }).getByRole("button", { name: "Remove Key two" }).click();
  await Promise.all([
    page.getByRole("listitem", { name: "Key one" }).getByRole("button", { name: "Remove passkey" }).click(),
    other.getByRole("listitem", { name: "Key two" }).getByRole("button", { name: "Remove passkey" }).click(),
  ]);
  // One removal is refused as the last way in (checked under the user's row lock); without the lock both
  // would pass the check and no alert would ever show.
  const refused = (tab: typeof page, name: string) =>
    tab.getByRole("listitem", { name }).getByRole("alert").filter({ hasText: "This is your last way to sign in" });
  await expect.poll(async () => (await refused(page, "Key one").count()) + (await refused(other, "Key two").count())).toBe(1);
  await expect.poll(() => testDb().securityEvent.count({ where: { userId: user.id, type: "passkey_removed" } })).toBe(1);
  expect(await testDb().passkey.count({ where: { userId: user.id } })).toBe(1);
});
