import { expect, test } from "./support/test";
import { signInWithEmail, uniqueEmail } from "./support/users";

function expectSecurityHeaders(headers: Record<string, string>, where: string) {
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, where).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(csp, where).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp, where).not.toContain("unsafe-eval");
  expect(csp, where).toContain("frame-ancestors 'none'");
  expect(csp, where).toContain("object-src 'none'");
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["referrer-policy"], where).toBe("same-origin");
  expect(headers["permissions-policy"], where).toContain("camera=()");
  expect(headers["cache-control"], where).toContain("no-store");
}

test("every authenticated response carries the security headers and is not cached", async ({ page }) => {
  await signInWithEmail(page, uniqueEmail());
  const cookie = (await page.context().cookies()).find((c) => c.name === "authjs.session-token")!;
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe("Lax");
  expect(cookie.path).toBe("/");

  for (const path of ["/chat", "/settings/account", "/settings/security", "/api/threads", "/api/account/export"]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    expectSecurityHeaders(response.headers(), path);
  }
  const nonces = new Set<string>();
  for (let i = 0; i < 3; i++) {
    const csp = (await page.request.get("/chat")).headers()["content-security-policy"]!;
    nonces.add(csp.match(/'nonce-([^']+)'/)![1]!);
  }
  expect(nonces.size).toBe(3);
});

test("signed-out pages and API errors carry them too", async ({ request }) => {
  for (const path of ["/login", "/login/check-email", "/api/threads"]) {
    expectSecurityHeaders((await request.get(path)).headers(), path);
  }
});

// Stored or reflected XSS reaches the browser as markup in our HTML; the real CSP header must stop it.
test("the CSP blocks injected inline scripts and handlers while the app's own scripts run", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) violations.push(message.text());
  });
  await signInWithEmail(page, uniqueEmail());
  await page.goto("/settings/security");
  expect(violations, "the app itself must not trip its own CSP").toEqual([]);

  await page.route("**/settings/security", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      "</body>",
      '<script>window.__pwned = true</script><img src="/nothing.png" onerror="window.__pwnedByHandler = true"></body>',
    );
    await route.fulfill({ response, body: html });
  });
  await page.reload();
  await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
  const state = await page.evaluate(() => {
    const w = window as unknown as { __pwned?: boolean; __pwnedByHandler?: boolean; next?: { version?: string } };
    return { pwned: w.__pwned === true, handler: w.__pwnedByHandler === true, appBooted: Boolean(w.next?.version) };
  });
  expect(state).toEqual({ pwned: false, handler: false, appBooted: true });
});

test("pages cannot be framed by another site", async ({ request }) => {
  const response = await request.get("/login");
  expect(response.headers()["x-frame-options"]).toBe("DENY");
  expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});
