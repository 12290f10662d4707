import { createHash } from "node:crypto";
import { expect, test } from "./support/test";
import { appOrigin } from "../support/ports";
import { testDb } from "./support/db";
import { linkIn, mailTo, waitForMail } from "./support/mail";
import { signInWithEmail, uniqueEmail } from "./support/users";

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

// A sign-in replaces the session this browser held: the old cookie is overwritten, so a row left behind
// would be a live session nobody holds, listed as another device (magic links used to leave it).
test("a magic-link sign-in in a signed-in browser ends the session it replaces", async ({ page, context, browser }) => {
  const email = uniqueEmail("one-session");
  await signInWithEmail(page, email);
  const cookieOf = async () => (await context.cookies()).find((cookie) => cookie.name === "authjs.session-token")!.value;
  const old = await cookieOf();

  // Signed in, the re-authentication form sends another link; the person follows it in the same browser.
  const before = (await mailTo(email)).length;
  await page.goto("/login?reauth=1&callbackUrl=%2Fsettings%2Fsecurity");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await page.goto(linkIn(await waitForMail(email, before + 1)));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/settings\/security$/);

  const current = await cookieOf();
  expect(current).not.toBe(old);
  expect(await testDb().session.count({ where: { sessionToken: sha256(old) } })).toBe(0);
  const user = await testDb().user.findUniqueOrThrow({ where: { email } });
  expect(await testDb().session.count({ where: { userId: user.id } })).toBe(1);

  // The old cookie, replayed from a fresh browser, is refused; the new one works.
  const other = await browser.newContext();
  await other.addCookies([{ name: "authjs.session-token", value: old, url: appOrigin }]);
  expect((await other.request.get("/api/threads")).status()).toBe(401);
  await other.clearCookies();
  await other.addCookies([{ name: "authjs.session-token", value: current, url: appOrigin }]);
  expect((await other.request.get("/api/threads")).status()).toBe(200);
  await other.close();
});
