import { appOrigin } from "../support/ports";
import { startAppProcess, type AppProcess } from "./support/app-process";
import { marker } from "./support/chat";
import { leakListener, watchPage } from "./support/hostile-content";
import { expect, test } from "./support/test";
import { NOT_FOUND_BODY, ownLoopbackAddress, requestFromAddress, shareViaApi, threadWith, UNKNOWN_TOKEN } from "./support/shares";
import { signInWithEmail, uniqueEmail } from "./support/users";

// Never retried on CI: an attack or a limit that fails once may be a real race, not a slow machine.
test.describe.configure({ retries: 0 });

const THREAD_NOT_FOUND = { error: { code: "not_found:thread", message: "This chat does not exist." } };

test("another user cannot share, list or revoke someone's links: the same 404 as an id that never existed", async ({ page, browser }) => {
  await signInWithEmail(page, uniqueEmail("alice"));
  const threadId = await threadWith(page, [marker("alice")]);
  const { share, token } = await shareViaApi(page.request, threadId);

  const bobContext = await browser.newContext({ baseURL: appOrigin });
  const bob = await bobContext.newPage();
  await signInWithEmail(bob, uniqueEmail("bob"));
  const create = (id: string) => bob.request.post(`/api/threads/${id}/shares`, { data: {}, headers: { "content-type": "application/json" } });
  const theirs = await create(threadId);
  const unknown = await create("00000000-0000-4000-8000-000000000000");
  expect([theirs.status(), unknown.status()]).toEqual([404, 404]);
  expect(await theirs.json()).toEqual(THREAD_NOT_FOUND);
  expect(await unknown.json()).toEqual(THREAD_NOT_FOUND);

  const revokeTheirs = await bob.request.delete(`/api/shares/${share.id}`);
  const revokeUnknown = await bob.request.delete("/api/shares/00000000-0000-4000-8000-000000000000");
  const revokeMalformed = await bob.request.delete("/api/shares/not-an-id");
  for (const response of [revokeTheirs, revokeUnknown, revokeMalformed]) {
    expect(response.status()).toBe(404);
    expect(await response.json()).toEqual(NOT_FOUND_BODY);
  }
  const list = await bob.request.get("/api/shares");
  expect(await list.json()).toEqual({ shares: [], nextCursor: null });
  expect((await bob.request.delete("/api/shares")).status()).toBe(200);
  await bob.goto("/settings/shares");
  await expect(bob.getByText("No shared links.")).toBeVisible();

  // Alice's link still works; she alone lists it.
  expect((await bob.request.get(`/api/share/${token}`)).status()).toBe(200);
  expect(((await (await page.request.get("/api/shares")).json()) as { shares: { id: string }[] }).shares.map((s) => s.id)).toEqual([share.id]);

  // Signed out: the owner's routes are 401, the copy too.
  const anonymous = await browser.newContext({ baseURL: appOrigin });
  expect((await anonymous.request.get("/api/shares")).status()).toBe(401);
  expect((await anonymous.request.post(`/api/share/${token}/copy`)).status()).toBe(401);
  expect((await anonymous.request.post(`/api/threads/${threadId}/shares`, { data: {} })).status()).toBe(401);
  await Promise.all([bobContext.close(), anonymous.close()]);
});

test("cross-site POSTs and DELETEs to share routes are refused with 403", async ({ page }) => {
  await signInWithEmail(page, uniqueEmail("csrf"));
  const threadId = await threadWith(page, [marker("csrf")]);
  const { share, token } = await shareViaApi(page.request, threadId);
  const crossSite = { "sec-fetch-site": "cross-site", origin: "https://evil.example", "content-type": "application/json" };
  const attempts = [
    page.request.post(`/api/threads/${threadId}/shares`, { data: {}, headers: crossSite }),
    page.request.post(`/api/share/${token}/copy`, { headers: crossSite }),
    page.request.delete(`/api/shares/${share.id}`, { headers: crossSite }),
    page.request.delete("/api/shares", { headers: crossSite }),
  ];
  for (const response of await Promise.all(attempts)) {
    expect(response.status()).toBe(403);
    expect((await response.json()).error.code).toBe("forbidden:cross_origin");
  }
  // Nothing happened: one link, still live; no copy made.
  expect(((await (await page.request.get("/api/shares")).json()) as { shares: unknown[] }).shares).toHaveLength(1);
  expect((await page.request.get(`/api/share/${token}`)).status()).toBe(200);
});

test("bad input to create is a 400 in the house error shape", async ({ page }) => {
  await signInWithEmail(page, uniqueEmail("input"));
  const threadId = await threadWith(page, [marker("input")]);
  for (const data of [{ expiresInDays: 0 }, { expiresInDays: 366 }, { expiresInDays: 1.5 }, { expiresInDays: "7" }, { showOwnerName: "yes" }]) {
    const response = await page.request.post(`/api/threads/${threadId}/shares`, { data, headers: { "content-type": "application/json" } });
    expect(response.status(), JSON.stringify(data)).toBe(400);
    expect((await response.json()).error.code).toBe("bad_request:invalid");
  }
});

test("hostile Markdown in a shared chat runs nothing and fetches nothing in a signed-out viewer's browser", async ({ page, browser }) => {
  const leak = await leakListener();
  await signInWithEmail(page, uniqueEmail("hostile"));
  const payload = [
    `<img src=x onerror="window.__xss='img'">`,
    `<script>window.__xss='script'</script>`,
    `[click me](javascript:window.__xss='link')`,
    `<a href="javascript:window.__xss='raw-a'">raw link</a>`,
    `![secret chat](http://127.0.0.1:${leak.port}/leak?data=secret)`,
    `<iframe src="http://127.0.0.1:${leak.port}/frame"></iframe>`,
  ].join(" \n\n");
  const threadId = await threadWith(page, [`hostile [[reply=${payload}]]`]);
  const { share } = await shareViaApi(page.request, threadId);

  const context = await browser.newContext();
  const viewer = await context.newPage();
  const { dialogs, requests } = watchPage(viewer);
  await viewer.goto(share.url);
  const reply = viewer.getByRole("article", { name: "Assistant message" });
  await expect(reply).toContainText(`<img src=x onerror="window.__xss='img'">`);
  await expect(reply).toContainText("<script>");
  expect(await reply.locator("img, script, iframe").count()).toBe(0);
  expect(await viewer.locator('[href^="javascript:" i], [src^="javascript:" i]').count()).toBe(0);
  await reply.getByText("click me").click();
  await expect(reply.getByRole("link", { name: `Open image “secret chat” from 127.0.0.1:${leak.port} in a new tab` })).toBeVisible();
  await viewer.waitForTimeout(500);
  expect(await viewer.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(leak.hits).toEqual([]);
  expect(requests.filter((url) => new URL(url).origin !== appOrigin)).toEqual([]);
  await context.close();
  await leak.close();
});

test.describe("on a second app instance with a small per-IP limit", () => {
  test.describe.configure({ mode: "serial" });
  let second: AppProcess;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    second = await startAppProcess({ name: "share-instance", env: { RATE_LIMIT_SHARE_IP: "5/1m" } });
  });
  test.afterAll(async () => {
    await second?.kill();
  });

  test("a link revoked through one instance is a 404 on the other at once, with the unknown token's body", async ({ page }) => {
    await signInWithEmail(page, uniqueEmail("instances"));
    const threadId = await threadWith(page, [marker("instances")]);
    const { share, token } = await shareViaApi(page.request, threadId);
    const read = (path: string) => requestFromAddress({ port: second.port, localAddress: ownLoopbackAddress(), path });
    expect((await read(`/api/share/${token}`)).status).toBe(200);
    expect((await read(`/share/${token}`)).status).toBe(200);

    expect((await page.request.delete(`/api/shares/${share.id}`)).status()).toBe(200);
    const revoked = await read(`/api/share/${token}`);
    const unknown = await read(`/api/share/${UNKNOWN_TOKEN}`);
    expect([revoked.status, unknown.status]).toEqual([404, 404]);
    expect(revoked.text).toBe(unknown.text);
    expect(JSON.parse(revoked.text)).toEqual(NOT_FOUND_BODY);
    expect((await read(`/share/${token}`)).status).toBe(404);
  });

  test("public reads are limited per IP: the sixth read in a minute is a 429, other addresses unaffected", async () => {
    const address = ownLoopbackAddress();
    const read = (localAddress: string) => requestFromAddress({ port: second.port, localAddress, path: `/api/share/${UNKNOWN_TOKEN}` });
    for (let i = 0; i < 5; i++) expect((await read(address)).status).toBe(404);
    const refused = await read(address);
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.text)).toMatchObject({ error: { code: "rate_limited:too_many_requests" } });
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    // The page is refused too (with a message, never the snapshot).
    const page = await requestFromAddress({ port: second.port, localAddress: address, path: `/share/${UNKNOWN_TOKEN}` });
    expect(page.text).toContain("Too many requests");
    expect((await read(ownLoopbackAddress())).status).toBe(404);
  });
});
