import { expect, test } from "./support/test";
import { testDb } from "./support/db";
import { mailTo } from "./support/mail";
import { requestMagicLink, signInWithEmail, signOut, uniqueEmail } from "./support/users";

test("a person signs in from the login page through the mailed link, and signs out", async ({ page }) => {
  const email = uniqueEmail();
  await page.goto("/chat");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fchat$/);

  const link = await requestMagicLink(page, email);
  expect(new URL(link).pathname).toBe("/login/confirm");
  await page.goto(link);
  // Opening the link alone signs nobody in (mail scanners open links); the button does.
  await expect(page.getByText(`Continue as ${email}`)).toBeVisible();
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(/\/chat$/);
  await expect(page.getByTestId("signed-in-as")).toHaveText(email);
  const cookie = (await page.context().cookies()).find((c) => c.name === "authjs.session-token");
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");

  await signOut(page);
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/chat");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
});

test("a sign-in link works once", async ({ page, browser }) => {
  const email = uniqueEmail();
  const link = await requestMagicLink(page, email);
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(email);

  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto(link);
  await second.getByRole("button", { name: "Sign in" }).click();
  await expect(second).toHaveURL(/\/login\/error\?error=Verification/);
  await expect(second.getByRole("heading", { name: "This sign-in link no longer works" })).toBeVisible();
  expect((await other.cookies()).some((c) => c.name.includes("session-token"))).toBe(false);
  await other.close();
});

test("an expired sign-in link is refused", async ({ page }) => {
  const email = uniqueEmail();
  const link = await requestMagicLink(page, email);
  await testDb().verificationToken.updateMany({
    where: { identifier: email },
    data: { expires: new Date(Date.now() - 1000) },
  });
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/login\/error\?error=Verification/);
  await page.goto("/chat");
  await expect(page).toHaveURL(/\/login/);
});

test("after sign-in the person returns to the page they asked for", async ({ page }) => {
  const email = uniqueEmail();
  await page.goto("/chat?from=bookmark");
  await expect(page).toHaveURL(/callbackUrl=%2Fchat%3Ffrom%3Dbookmark/);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const { linkIn, waitForMail } = await import("./support/mail");
  await page.goto(linkIn(await waitForMail(email)));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/chat\?from=bookmark$/);
});

for (const target of ["https://evil.test/steal", "//evil.test", "/\\evil.test", "https:evil.test", "javascript:alert(1)"]) {
  test(`an off-site callbackUrl (${target}) is ignored`, async ({ page }) => {
    const email = uniqueEmail();
    await page.goto(`/login?callbackUrl=${encodeURIComponent(target)}`);
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    const { linkIn, waitForMail } = await import("./support/mail");
    const link = linkIn(await waitForMail(email));
    expect(link).not.toContain("evil");
    await page.goto(link);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/chat$/);
  });
}

test("the same answer for a known and an unknown address", async ({ page }) => {
  const known = uniqueEmail("known");
  await signInWithEmail(page, known);
  await signOut(page);

  const answers: string[] = [];
  for (const email of [known, uniqueEmail("unknown")]) {
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    answers.push((await page.locator("main").innerText()).trim());
  }
  expect(answers[0]).toBe(answers[1]);
});

const malformed = ["not-an-email", "a@x.test,b@y.test", '"a@evil.test"@victim.test', "a＠victim.test", "a b@victim.test", ""];

test("malformed addresses get a clear form error and no mail", async ({ page }) => {
  for (const email of malformed) {
    await page.goto("/login");
    await page.getByLabel("Email").evaluate((input, value) => ((input as HTMLInputElement).value = value), email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.locator("#email-error")).toContainText(/email address/i);
    await expect(page).toHaveURL(/\/login$/);
  }
  for (const address of ["a@x.test", "b@y.test", "victim@victim.test", "attacker@evil.test", "a@victim.test"]) {
    expect(await mailTo(address)).toHaveLength(0);
  }
});

// Browsers strip line breaks from email inputs, so the header-injection attempt goes straight at Auth.js.
test("CR/LF in an address posted directly to Auth.js sends no mail and does not crash", async ({ request }) => {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  for (const email of ["victim@victim.test\r\nBcc: attacker@evil.test", "a@x.test,b@y.test", '"a@evil.test"@victim.test']) {
    const response = await request.post("/api/auth/signin/email", {
      form: { email, csrfToken, callbackUrl: "/chat" },
      maxRedirects: 0,
    });
    expect(response.status(), email).toBeLessThan(500);
    expect(response.headers().location ?? "", email).not.toContain("check-email");
  }
  for (const address of ["victim@victim.test", "attacker@evil.test", "a@x.test", "b@y.test"]) {
    expect(await mailTo(address)).toHaveLength(0);
  }
});

test("the database holds no usable magic-link token", async ({ page, browser }) => {
  const email = uniqueEmail("dump");
  const link = new URL(await requestMagicLink(page, email));
  const token = link.searchParams.get("token")!;
  expect(token).toMatch(/^[0-9a-f]{64}$/); // 256 bits
  const rows = await testDb().verificationToken.findMany({ where: { identifier: email }, omit: { token: false } });
  expect(rows).toHaveLength(1);
  expect(rows[0]!.token).not.toBe(token);
  expect(rows[0]!.token).not.toContain(token);

  // Someone holding the dump tries the stored value as the token: nothing.
  const thief = await browser.newContext();
  const stolen = new URL(link);
  stolen.searchParams.set("token", rows[0]!.token);
  const attempt = await thief.newPage();
  await attempt.goto(stolen.toString());
  await attempt.getByRole("button", { name: "Sign in" }).click();
  await expect(attempt).toHaveURL(/\/login\/error\?error=Verification/);
  expect((await thief.cookies()).some((c) => c.name.includes("session-token"))).toBe(false);
  await thief.close();
});
