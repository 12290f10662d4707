import { expect, test } from "./support/test";
import { appOrigin } from "../support/ports";
import { createKey, signedInUser } from "./support/api-keys";

// What a client (or an attacker) sees on the wire for each failure: status, OpenAI's error shape,
// the offending field, and never a stack trace.

type ErrorBody = { error: { message: string; type: string; code: string | null; param: string | null } };

const completions = `${appOrigin}/v1/chat/completions`;
const hello = { model: "demo", messages: [{ role: "user", content: "hi" }] };

async function errorOf(response: Response): Promise<ErrorBody["error"]> {
  const text = await response.text();
  expect(text).not.toMatch(/\bat \S+ \(|node_modules|\.ts:\d+/); // no stack trace or file paths
  const body = JSON.parse(text) as ErrorBody;
  expect(Object.keys(body.error).sort()).toEqual(["code", "message", "param", "type"]);
  return body.error;
}

let key: string;
test.beforeAll(async ({ browser }) => {
  const user = await signedInUser(browser, "errors");
  key = (await createKey(user.page)).key;
  await user.close();
});

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  fetch(completions, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...headers }, body });

test("400 names the offending field in param", async () => {
  const cases: [unknown, string][] = [
    [{ ...hello, temperature: 5 }, "temperature"],
    [{ ...hello, max_tokens: -1 }, "max_tokens"],
    [{ messages: hello.messages }, "model"],
    [{ model: "demo", messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: "http://x" } }] }] }, "messages[0].content"],
    [{ model: "demo", messages: [{ role: "tool", content: "x", tool_call_id: "1" }] }, "messages[0].role"],
    [{ ...hello, n: 3 }, "n"],
    [{ ...hello, tools: [{ type: "function", function: { name: "f" } }] }, "tools"],
  ];
  for (const [body, param] of cases) {
    const response = await post(JSON.stringify(body));
    expect(response.status, param).toBe(400);
    const error = await errorOf(response);
    expect(error).toMatchObject({ type: "invalid_request_error", param });
    expect(error.message).toContain(param);
  }
  const broken = await post("{ not json");
  expect(broken.status).toBe(400);
  expect(await errorOf(broken)).toMatchObject({ code: "invalid_json" });
});

test("413 for a body over 1 MB, declared or streamed", async () => {
  const big = JSON.stringify({ ...hello, messages: [{ role: "user", content: "x".repeat(1024 * 1024) }] });
  const response = await post(big);
  expect(response.status).toBe(413);
  expect(await errorOf(response)).toMatchObject({ type: "invalid_request_error", code: "request_too_large" });

  // Chunked: no Content-Length to trust.
  const chunks = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < 12; i++) controller.enqueue(new TextEncoder().encode("x".repeat(100 * 1024)));
      controller.close();
    },
  });
  const chunked = await fetch(completions, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: chunks,
    duplex: "half",
  } as RequestInit);
  expect(chunked.status).toBe(413);
  // The rest of that body is never read, so its connection closes: the client's next request (which would
  // otherwise wait on it until the server's keep-alive timeout, then fail) goes out on a fresh one.
  expect(chunked.headers.get("connection")).toBe("close");
  const next = await fetch(`${appOrigin}/v1/models`, { headers: { authorization: `Bearer ${key}` }, signal: AbortSignal.timeout(3_000) });
  expect(next.status).toBe(200);
});

test("415 for a body that is not JSON", async () => {
  for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
    const response = await post(JSON.stringify(hello), { "content-type": contentType });
    expect(response.status, contentType).toBe(415);
    expect(await errorOf(response)).toMatchObject({ code: "unsupported_media_type" });
  }
});

test("a key in the query string is refused, says why, and is never used", async () => {
  for (const url of [`${appOrigin}/v1/models?api_key=${key}`, `${appOrigin}/v1/models?key=${key}`, `${appOrigin}/api/v1/models?x=${key}`]) {
    const response = await fetch(url);
    expect(response.status, url).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe("api_key_in_url");
    expect(error.message).toMatch(/not accepted in the URL/);
  }
  // Even alongside a valid header, a key in the URL is refused.
  const both = await fetch(`${appOrigin}/v1/models?api_key=${key}`, { headers: { authorization: `Bearer ${key}` } });
  expect(both.status).toBe(400);
});

test("keys are read from Authorization: Bearer or x-api-key, nowhere else", async () => {
  expect((await fetch(`${appOrigin}/v1/models`, { headers: { "x-api-key": key } })).status).toBe(200);
  expect((await fetch(`${appOrigin}/api/v1/models`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);

  const missing = await fetch(`${appOrigin}/v1/models`);
  expect(missing.status).toBe(401);
  expect(await errorOf(missing)).toMatchObject({ type: "authentication_error", code: "missing_api_key" });

  const basic = await fetch(`${appOrigin}/v1/models`, { headers: { authorization: `Basic ${Buffer.from(`u:${key}`).toString("base64")}` } });
  expect(basic.status).toBe(401);
  const cookie = await fetch(`${appOrigin}/v1/models`, { headers: { cookie: `api_key=${key}` } });
  expect(cookie.status).toBe(401);
});

test("/v1 ignores the session cookie: a signed-in browser gets 401, even same-origin", async ({ browser }) => {
  const user = await signedInUser(browser, "cookie");
  const viaCookie = await user.page.request.get("/v1/models");
  expect(viaCookie.status()).toBe(401);
  await user.page.goto("/settings/api-keys");
  const fromPage = await user.page.evaluate(async () => {
    const response = await fetch("/v1/chat/completions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "demo", messages: [{ role: "user", content: "hi" }] }),
    });
    return response.status;
  });
  expect(fromPage).toBe(401);
  await user.close();
});

test("successful answers carry the rate-limit headers and a request id, and are not cached", async () => {
  const response = await fetch(`${appOrigin}/v1/models`, { headers: { authorization: `Bearer ${key}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get("ratelimit-policy")).toMatch(/^"default";q=\d+;w=\d+$/);
  expect(response.headers.get("ratelimit")).toMatch(/^"default";r=\d+;t=\d+$/);
  expect(Number(response.headers.get("ratelimit-remaining"))).toBeGreaterThan(0);
  expect(response.headers.get("x-request-id")).toMatch(/^req_/);
  expect(response.headers.get("cache-control")).toContain("no-store");
  expect(response.headers.get("set-cookie")).toBeNull();
});

test("unknown endpoints answer an OpenAI-shaped 404", async () => {
  const response = await fetch(`${appOrigin}/v1/embeddings`, { method: "POST", headers: { authorization: `Bearer ${key}` } });
  expect(response.status).toBe(404);
  expect(await errorOf(response)).toMatchObject({ type: "not_found_error", code: "unknown_endpoint" });
});

// The middleware skips /v1 (it would only ever pass it); the API sets its own security headers, on
// answers and refusals alike, and on the /api/v1 alias too.
test("every /v1 answer carries the API's security headers and is not cached", async () => {
  const bearer = { authorization: `Bearer ${key}` };
  const cases: [string, Promise<Response>, number][] = [
    ["models", fetch(`${appOrigin}/v1/models`, { headers: bearer }), 200],
    ["one model", fetch(`${appOrigin}/v1/models/demo`, { headers: bearer }), 200],
    ["no key", fetch(`${appOrigin}/v1/models`), 401],
    ["wrong key", fetch(`${appOrigin}/v1/threads`, { headers: { authorization: "Bearer sk-nope" } }), 401],
    ["unknown endpoint", fetch(`${appOrigin}/v1/embeddings`, { headers: bearer }), 404],
    ["bad body", post("{"), 400],
    ["stream", post(JSON.stringify({ ...hello, stream: true })), 200],
    ["alias", fetch(`${appOrigin}/api/v1/models`, { headers: bearer }), 200],
    // Answers Next makes itself, with no handler of ours involved.
    ["method not allowed", fetch(`${appOrigin}/v1/models`, { method: "POST", headers: bearer }), 405],
    ["options", fetch(`${appOrigin}/v1/chat/completions`, { method: "OPTIONS" }), 204],
  ];
  for (const [name, pending, status] of cases) {
    const response = await pending;
    await response.arrayBuffer();
    expect(response.status, name).toBe(status);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp, name).toContain("default-src 'none'");
    expect(csp, name).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options"), name).toBe("nosniff");
    expect(response.headers.get("x-frame-options"), name).toBe("DENY");
    expect(response.headers.get("cross-origin-resource-policy"), name).toBe("same-origin");
    expect(response.headers.get("cache-control"), name).toContain("no-store");
  }
  // Over https (as the proxy in front says), HSTS as on every page.
  const https = await fetch(`${appOrigin}/v1/models`, { headers: { ...bearer, "x-forwarded-proto": "https" } });
  expect(https.headers.get("strict-transport-security")).toContain("max-age=");
  // A path that only starts like the API, or the bare prefix no handler serves, is a page like any other,
  // with the middleware's headers.
  for (const path of ["/v1beta", "/v1", "/api/v1"]) {
    const page = await fetch(`${appOrigin}${path}`);
    expect(page.status, path).toBe(404);
    expect(page.headers.get("content-security-policy"), path).toMatch(/'nonce-/);
    expect(page.headers.get("x-frame-options"), path).toBe("DENY");
  }
});

// A refusal that never reads the body leaves it on the connection; the server closes it rather than read a
// body nobody wants (or wait for it), so the client's next request goes out on a fresh connection.
test("a refusal before the body is read closes the connection; the next request still works", async () => {
  for (const [name, headers] of [
    ["no key", {}],
    ["not JSON", { authorization: `Bearer ${key}`, "content-type": "text/plain" }],
  ] as const) {
    const refused = await fetch(completions, { method: "POST", headers, body: JSON.stringify(hello) });
    expect(refused.status, name).toBeGreaterThanOrEqual(400);
    expect(refused.headers.get("connection"), name).toBe("close");
    await refused.arrayBuffer();
    const next = await fetch(`${appOrigin}/v1/models`, { headers: { authorization: `Bearer ${key}` }, signal: AbortSignal.timeout(3_000) });
    expect(next.status, name).toBe(200);
  }
  // An answer that read its body keeps the connection.
  const answered = await post(JSON.stringify(hello));
  expect(answered.status).toBe(200);
  expect(answered.headers.get("connection")).not.toBe("close");
  await answered.arrayBuffer();
});
