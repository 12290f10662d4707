import { expect, test, type APIRequestContext, type Page } from "./support/test";
import { appOrigin } from "../support/ports";
import { linkIn, waitForMail } from "./support/mail";
import { answerConsent, newIdentity } from "./support/oauth";
import { addPasskeyInSettings, addVirtualAuthenticator, withoutPasskeyAutofill } from "./support/passkeys";
import { signInWithEmail, signOut, uniqueEmail } from "./support/users";

// Every entry point that takes a return address, against the real server, with the forms the review
// used: dot segments that collapse into "//host" only when normalised, encoded dots and slashes,
// backslashes, scheme-relative and absolute URLs, schemes, control characters.
test.describe.configure({ retries: 0 });

const HOSTILE = [
  "/.//evil.example/x",
  "/a/..//evil.example/x",
  "/%2e%2e//evil.example/x",
  "/%2E//evil.example",
  "/a/b/../..//evil.example",
  "///evil.example",
  "/\\evil.example",
  "/%5c/evil.example",
  "/%2f/evil.example",
  "//evil.example",
  "https://evil.example/x",
  "javascript:alert(1)",
  "/\t/evil.example",
  `${appOrigin}/.//evil.example/x`,
];
// The forms that got through before the fix, for the flows that cost a mail or a browser sign-in each.
const DOT_SEGMENTS = ["/.//evil.example/x", "/a/..//evil.example/x", "/%2e%2e//evil.example/x"];

function expectOnOrigin(location: string | undefined, what: string) {
  expect(location, `${what}: a Location`).toBeTruthy();
  expect(location!, what).not.toMatch(/^\s*\/[\\/]/);
  expect(new URL(location!, appOrigin).origin, what).toBe(appOrigin);
}

function hiddenCallbackUrls(html: string): string[] {
  return [...html.matchAll(/name="callbackUrl" value="([^"]*)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));
}

async function csrf(request: APIRequestContext) {
  return ((await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
}

test("the login page, signed out, hands on only same-origin paths", async ({ request }) => {
  for (const hostile of HOSTILE) {
    const response = await request.get(`/login?${new URLSearchParams({ callbackUrl: hostile })}`);
    expect(response.status()).toBe(200);
    const values = hiddenCallbackUrls(await response.text());
    expect(values.length, hostile).toBeGreaterThan(0);
    for (const value of values) expectOnOrigin(value, `${hostile} → ${value}`);
  }
});

test("the login page, signed in, redirects only within the origin", async ({ page }) => {
  await signInWithEmail(page, uniqueEmail("redirect"));
  for (const hostile of HOSTILE) {
    const response = await page.request.get(`/login?${new URLSearchParams({ callbackUrl: hostile })}`, { maxRedirects: 0 });
    expect(response.status(), hostile).toBe(307);
    expectOnOrigin(response.headers()["location"], hostile);
  }
});

test("Auth.js's sign-in page and sign-out keep the return address on the origin", async ({ request }) => {
  for (const hostile of HOSTILE) {
    const signin = await request.get(`/api/auth/signin?${new URLSearchParams({ callbackUrl: hostile })}`, { maxRedirects: 0 });
    expectOnOrigin(signin.headers()["location"], `signin ${hostile}`);
    const passed = new URL(signin.headers()["location"]!, appOrigin).searchParams.get("callbackUrl");
    if (passed) expectOnOrigin(passed, `signin's callbackUrl ${hostile}`);

    const signout = await request.post("/api/auth/signout", { form: { csrfToken: await csrf(request), callbackUrl: hostile }, maxRedirects: 0 });
    expectOnOrigin(signout.headers()["location"], `signout ${hostile}`);
  }
});

test("the magic-link confirmation page hands on only same-origin paths", async ({ request }) => {
  for (const hostile of HOSTILE) {
    const query = new URLSearchParams({ token: "t".repeat(43), email: "someone@example.test", callbackUrl: hostile });
    const values = hiddenCallbackUrls(await (await request.get(`/login/confirm?${query}`)).text());
    expect(values, hostile).toHaveLength(1);
    expectOnOrigin(values[0], hostile);
  }
});

test("an email sign-in with a hostile return address ends on the origin (signin, mail, confirm, callback)", async ({ request }) => {
  for (const hostile of DOT_SEGMENTS) {
    const email = uniqueEmail("redirect-mail");
    const posted = await request.post("/api/auth/signin/email", { form: { email, csrfToken: await csrf(request), callbackUrl: hostile }, maxRedirects: 0 });
    expectOnOrigin(posted.headers()["location"], `signin/email ${hostile}`);
    const link = new URL(linkIn(await waitForMail(email)));
    expectOnOrigin(link.searchParams.get("callbackUrl") ?? "/", `mailed link ${hostile}`);

    const [confirmed] = hiddenCallbackUrls(await (await request.get(link.toString())).text());
    expectOnOrigin(confirmed, `confirm page ${hostile}`);
    // The callback as an attacker would send it: the token from the mail, the hostile address again.
    const callback = new URLSearchParams({ token: link.searchParams.get("token")!, email, callbackUrl: hostile });
    const signedIn = await request.get(`/api/auth/callback/email?${callback}`, { maxRedirects: 0 });
    expect(signedIn.status(), hostile).toBe(302);
    expectOnOrigin(signedIn.headers()["location"], `callback/email ${hostile}`);
  }
});

async function landsOnOrigin(page: Page, what: string) {
  await expect.poll(() => new URL(page.url()).origin, { message: what }).toBe(appOrigin);
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  expect(new URL(page.url()).origin, what).toBe(appOrigin);
}

test("an OAuth sign-in started with a hostile return address ends on the origin", async ({ page }) => {
  for (const hostile of DOT_SEGMENTS) {
    await page.context().clearCookies();
    // Straight to Auth.js, as a cross-site form would: the return address goes through its redirect callback.
    const started = await page.request.post("/api/auth/signin/google", {
      form: { csrfToken: await csrf(page.request), callbackUrl: hostile },
      maxRedirects: 0,
    });
    const location = started.headers()["location"];
    expect(location, hostile).toBeTruthy();
    await page.goto(location!);
    await answerConsent(page, newIdentity("google"));
    await landsOnOrigin(page, `google ${hostile}`);
  }
  // And through our own button on /login.
  await page.context().clearCookies();
  await page.goto(`/login?${new URLSearchParams({ callbackUrl: DOT_SEGMENTS[0]! })}`);
  await page.getByRole("button", { name: "Continue with Google" }).click();
  await answerConsent(page, newIdentity("google"));
  await landsOnOrigin(page, "google via /login");
});

test("a passkey sign-in with a hostile return address ends on the origin", async ({ page, context }) => {
  await withoutPasskeyAutofill(context);
  await addVirtualAuthenticator(page);
  await signInWithEmail(page, uniqueEmail("redirect-passkey"));
  await addPasskeyInSettings(page);
  for (const hostile of DOT_SEGMENTS) {
    await signOut(page);
    // The page's own value is already safe; put the hostile one into the request the server answers.
    const answers: string[] = [];
    await page.route("**/api/passkeys/authenticate/verify", async (route) => {
      const body = JSON.parse(route.request().postData() ?? "{}") as Record<string, unknown>;
      const response = await route.fetch({ postData: JSON.stringify({ ...body, callbackUrl: hostile }) });
      answers.push(((await response.json()) as { redirectTo: string }).redirectTo);
      await route.fulfill({ response });
    });
    await page.goto(`/login?${new URLSearchParams({ callbackUrl: hostile })}`);
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await landsOnOrigin(page, `passkey ${hostile}`);
    expect(answers, hostile).toHaveLength(1);
    expectOnOrigin(answers[0], `passkey redirectTo ${hostile}`);
    await page.unroute("**/api/passkeys/authenticate/verify");
  }
});
