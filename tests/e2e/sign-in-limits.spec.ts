import { expect, test, type APIRequestContext } from "./support/test";
import { mailTo } from "./support/mail";
import { uniqueEmail } from "./support/users";

// Never retried on CI: an attack or a limit that fails once may be a real race, not a slow machine.
test.describe.configure({ retries: 0 });

async function csrf(request: APIRequestContext) {
  return ((await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
}

test("the 6th magic-link request for one address in the window gets 429 and no mail", async ({ request }) => {
  const email = uniqueEmail("limited");
  const csrfToken = await csrf(request);
  const post = () => request.post("/api/auth/signin/email", { form: { email, csrfToken, callbackUrl: "/chat" }, maxRedirects: 0 });
  for (let i = 1; i <= 5; i++) expect((await post()).status(), `request ${i}`).toBe(302);
  const sixth = await post();
  expect(sixth.status()).toBe(429);
  expect(Number(sixth.headers()["retry-after"])).toBeGreaterThan(0);
  expect(sixth.headers()["ratelimit-policy"]).toContain("q=5");
  expect((await sixth.json()).error.code).toBe("rate_limited:sign_in");
  await expect.poll(async () => (await mailTo(email)).length).toBe(5);
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await mailTo(email)).toHaveLength(5);
});

test("the login form explains the limit instead of sending more mail", async ({ page }) => {
  const email = uniqueEmail("form-limited");
  for (let i = 1; i <= 6; i++) {
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    if (i <= 5) await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  }
  await expect(page.locator("#email-error")).toContainText("Too many sign-in emails requested");
  expect(await mailTo(email)).toHaveLength(5);
});

test("20 parallel requests against a limit of 5 let exactly 5 through", async ({ request }) => {
  const email = uniqueEmail("burst");
  const csrfToken = await csrf(request);
  const responses = await Promise.all(
    Array.from({ length: 20 }, () =>
      request.post("/api/auth/signin/email", { form: { email, csrfToken, callbackUrl: "/chat" }, maxRedirects: 0 }),
    ),
  );
  const statuses = responses.map((response) => response.status());
  expect(statuses.filter((status) => status === 302)).toHaveLength(5);
  expect(statuses.filter((status) => status === 429)).toHaveLength(15);
  await expect.poll(async () => (await mailTo(email)).length).toBe(5);
});
