import { expect, test } from "./support/test";
import OpenAI from "openai";
import { modelServerOrigin } from "../support/ports";
import { createKey, openaiClient, rejectionOf, signedInUser } from "./support/api-keys";
import { testDb } from "./support/db";

// The official `openai` npm client against the running app, which talks to the rig's model server.

test("models.list and models.retrieve return the configured models", async ({ browser }) => {
  const user = await signedInUser(browser);
  const { key } = await createKey(user.page, { scopes: ["models:read"] });
  const client = openaiClient(key);

  const models = await client.models.list();
  expect(models.data.map((model) => model.id)).toEqual(["openai:test-model", "demo"]);
  expect(models.data[0]).toMatchObject({ object: "model", owned_by: "openai" });
  expect(await client.models.retrieve("demo")).toMatchObject({ id: "demo", object: "model" });
  await expect(client.models.retrieve("gpt-nonexistent")).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  await user.close();
});

test("chat.completions.create answers in OpenAI's shape with usage", async ({ browser }) => {
  const user = await signedInUser(browser);
  const { key } = await createKey(user.page);
  const client = openaiClient(key);

  const completion = await client.chat.completions.create({
    model: "openai:test-model",
    messages: [
      { role: "system", content: "You are terse." },
      { role: "user", content: "[[reply=Hello from the model]] hi" },
    ],
    temperature: 0.2,
    max_tokens: 50,
    stop: ["\n\n"],
  });
  expect(completion.object).toBe("chat.completion");
  expect(completion.id).toMatch(/^chatcmpl-/);
  expect(completion.model).toBe("openai:test-model");
  expect(completion.choices).toEqual([
    expect.objectContaining({ index: 0, finish_reason: "stop", message: expect.objectContaining({ role: "assistant", content: "Hello from the model" }) }),
  ]);
  expect(completion.usage).toEqual({ prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 });

  // The request reached the model server under the provider's own model name.
  const logged = (await (await fetch(`${modelServerOrigin}/__requests`)).json()) as { requests: { model: string; lastUser: string }[] };
  expect(logged.requests.some((r) => r.model === "test-model" && r.lastUser.includes("Hello from the model"))).toBe(true);

  // The built-in demo model works through the API too.
  const demo = await client.chat.completions.create({ model: "demo", messages: [{ role: "user", content: "ping" }] });
  expect(demo.choices[0]!.message.content).toContain("demo model");
  await user.close();
});

test("streaming: chunks arrive as the model produces them, end with usage, and are counted", async ({ browser }) => {
  const user = await signedInUser(browser);
  const { key, apiKey } = await createKey(user.page);
  const client = openaiClient(key);

  const stream = await client.chat.completions.create({
    model: "openai:test-model",
    messages: [{ role: "user", content: "[[tokens=6]] [[delay=150]] count" }],
    stream: true,
    stream_options: { include_usage: true },
  });
  const arrivals: number[] = [];
  let text = "";
  let finish: string | null = null;
  let usage: OpenAI.CompletionUsage | null | undefined;
  for await (const chunk of stream) {
    expect(chunk.object).toBe("chat.completion.chunk");
    const delta = chunk.choices[0]?.delta.content;
    if (delta) {
      arrivals.push(Date.now());
      text += delta;
    }
    finish = chunk.choices[0]?.finish_reason ?? finish;
    if (chunk.usage) usage = chunk.usage;
  }
  expect(text).toBe("w1 w2 w3 w4 w5 w6 ");
  expect(finish).toBe("stop");
  expect(usage).toEqual({ prompt_tokens: 3, completion_tokens: 6, total_tokens: 9 });
  // Six tokens 150 ms apart: a buffered reply would arrive all at once.
  expect(arrivals).toHaveLength(6);
  expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThan(500);

  // The raw stream ends with data: [DONE].
  const raw = await fetch(`${client.baseURL}/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify({ model: "openai:test-model", stream: true, messages: [{ role: "user", content: "[[tokens=2]] x" }] }),
  });
  expect(raw.headers.get("content-type")).toContain("text/event-stream");
  const body = await raw.text();
  expect(body.trimEnd().endsWith("data: [DONE]")).toBe(true);
  expect(body).not.toContain('"usage"');

  // Both calls are counted for the key, with the tokens the model reported.
  await expect
    .poll(async () => (await testDb().apiKeyUsage.findMany({ where: { apiKeyId: apiKey.id } })).map((u) => [u.requests, u.inputTokens, u.outputTokens]))
    .toEqual([[2, 5, 8]]);
  await user.close();
});

test("closing a stream stops the model call", async ({ browser }) => {
  const user = await signedInUser(browser);
  const { key } = await createKey(user.page);
  const marker = `abort-${Date.now()}`;
  const controller = new AbortController();
  const stream = await openaiClient(key).chat.completions.create(
    { model: "openai:test-model", stream: true, messages: [{ role: "user", content: `[[tokens=200]] [[delay=50]] ${marker}` }] },
    { signal: controller.signal },
  );
  let received = 0;
  try {
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta.content && ++received === 3) controller.abort();
    }
  } catch {
    // Depending on timing the SDK ends the iteration or throws an abort error; either way the client is gone.
  }
  expect(received).toBeLessThan(10);
  await expect
    .poll(async () => {
      const { requests } = (await (await fetch(`${modelServerOrigin}/__requests`)).json()) as { requests: { lastUser: string; aborted: boolean }[] };
      return requests.find((r) => r.lastUser.includes(marker))?.aborted;
    })
    .toBe(true);
  await user.close();
});

test("a bad, a malformed and an unknown key raise AuthenticationError", async () => {
  const wellFormedButUnknown = "kl_live_000000000000000000000000000000000_000000";
  for (const key of ["sk-not-ours", "kl_live_tooShort_abc123", wellFormedButUnknown]) {
    const error = await rejectionOf(openaiClient(key).models.list());
    expect(error, key).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((error as InstanceType<typeof OpenAI.AuthenticationError>).code).toBe("invalid_api_key");
  }
});

test("a key without chat:write raises PermissionDeniedError; unknown models raise NotFoundError", async ({ browser }) => {
  const user = await signedInUser(browser);
  const readOnly = await createKey(user.page, { scopes: ["models:read"] });
  const error = await rejectionOf(
    openaiClient(readOnly.key).chat.completions.create({ model: "demo", messages: [{ role: "user", content: "hi" }] }),
  );
  expect(error).toBeInstanceOf(OpenAI.PermissionDeniedError);
  expect((error as InstanceType<typeof OpenAI.APIError>).code).toBe("missing_scope");

  const chatOnly = await createKey(user.page, { scopes: ["chat:write"] });
  await expect(openaiClient(chatOnly.key).models.list()).rejects.toBeInstanceOf(OpenAI.PermissionDeniedError);
  const missing = await rejectionOf(
    openaiClient(chatOnly.key).chat.completions.create({ model: "gpt-4-nope", messages: [{ role: "user", content: "hi" }] }),
  );
  expect(missing).toBeInstanceOf(OpenAI.NotFoundError);
  expect((missing as InstanceType<typeof OpenAI.APIError>).param).toBe("model");
  await user.close();
});

test("a revoked key is refused on the very next call, and so is an expired one", async ({ browser }) => {
  const user = await signedInUser(browser);
  const created = await createKey(user.page);
  const client = openaiClient(created.key);
  await client.models.list();

  expect((await user.page.request.delete(`/api/keys/${created.apiKey.id}`)).status()).toBe(200);
  const revoked = await rejectionOf(client.models.list());
  expect(revoked).toBeInstanceOf(OpenAI.AuthenticationError);
  expect((revoked as Error).message).toContain("revoked");

  const other = await createKey(user.page);
  await openaiClient(other.key).models.list();
  await testDb().apiKey.update({ where: { id: other.apiKey.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  const expired = await rejectionOf(openaiClient(other.key).models.list());
  expect(expired).toBeInstanceOf(OpenAI.AuthenticationError);
  expect((expired as Error).message).toContain("expired");
  await user.close();
});

test("a model provider failure is a 502 in OpenAI's shape, without the provider's words", async ({ browser }) => {
  const user = await signedInUser(browser);
  const { key } = await createKey(user.page);
  const error = await rejectionOf(
    openaiClient(key).chat.completions.create({ model: "openai:test-model", messages: [{ role: "user", content: "[[http-error=500]] boom" }] }),
  );
  expect(error).toBeInstanceOf(OpenAI.InternalServerError);
  expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(502);
  expect((error as Error).message).not.toContain("model server failure");

  const streamed = await rejectionOf(
    openaiClient(key).chat.completions.create({ model: "openai:test-model", stream: true, messages: [{ role: "user", content: "[[http-error=500]] boom" }] }),
  );
  expect((streamed as InstanceType<typeof OpenAI.APIError>).status).toBe(502);
  await user.close();
});
