import { expect, test } from "./support/test";
import { createKey, signedInUser } from "./support/api-keys";
import { testDb } from "./support/db";

// A page on another site makes the signed-in browser send writes with its cookie (CSRF).
const attacks: { name: string; headers: Record<string, string> }[] = [
  { name: "Sec-Fetch-Site cross-site", headers: { "sec-fetch-site": "cross-site", origin: "https://evil.test" } },
  { name: "Sec-Fetch-Site same-site", headers: { "sec-fetch-site": "same-site", origin: "https://sub.localhost.test" } },
  { name: "Origin only", headers: { origin: "https://evil.test" } },
];

for (const attack of attacks) {
  test(`a cross-origin write with the session cookie is refused (${attack.name})`, async ({ browser }) => {
    const user = await signedInUser(browser, "csrf");
    const created = await createKey(user.page);

    const create = await user.page.request.post("/api/keys", {
      headers: attack.headers,
      data: { name: "planted", scopes: ["models:read"], expiresInDays: 30 },
    });
    expect(create.status()).toBe(403);
    expect((await create.json()).error.code).toBe("forbidden:cross_origin");

    const revoke = await user.page.request.delete(`/api/keys/${created.apiKey.id}`, { headers: attack.headers });
    expect(revoke.status()).toBe(403);

    const keys = await testDb().apiKey.findMany({ where: { user: { email: user.email } } });
    expect(keys.map((key) => [key.name, key.revokedAt])).toEqual([["test key", null]]);
    await user.close();
  });
}

test("the same writes from our own origin go through", async ({ browser }) => {
  const user = await signedInUser(browser, "same-origin");
  const created = await createKey(user.page);
  const revoke = await user.page.request.delete(`/api/keys/${created.apiKey.id}`, {
    headers: { "sec-fetch-site": "same-origin", origin: new URL(user.page.url()).origin },
  });
  expect(revoke.status()).toBe(200);
  await user.close();
});
