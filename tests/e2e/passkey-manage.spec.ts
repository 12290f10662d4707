import { expect, test } from "./support/test";
import { testDb } from "./support/db";
import { addPasskeyInSettings, addVirtualAuthenticator, userByEmail, withoutPasskeyAutofill } from "./support/passkeys";
import { signInWithEmail, uniqueEmail } from "./support/users";

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
