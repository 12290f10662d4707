// A real OpenAI-compatible HTTP server for tests and benchmarks: /v1/models and /v1/chat/completions
// (JSON and SSE). Each request is steered by directives in its last user message, so parallel tests
// never share state:
//   [[delay=MS]]        wait MS between streamed chunks (default 20)
//   [[tokens=N]]        reply with N numbered words instead of the echo
//   [[reply=TEXT]]      reply with TEXT exactly (may contain markdown/HTML; ends at the next "]]")
//   [[drop-after=N]]    stream N chunks, then cut the connection (provider failure mid-stream)
//   [[http-error=CODE]] answer CODE with an OpenAI-style error body
// GET /__requests lists what was received and whether the client went away before the end.
// Env: MODEL_SERVER_PORT (default 4010).
import http from "node:http";

type Logged = { id: number; model: string; lastUser: string; stream: boolean; aborted: boolean; completed: boolean };

const port = Number(process.env.MODEL_SERVER_PORT ?? 4010);
const log: Logged[] = [];
let nextId = 1;

type ChatBody = {
  model?: string;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  messages?: { role: string; content: string | { type: string; text?: string }[] }[];
};

const textOf = (content: string | { type: string; text?: string }[] | undefined) =>
  typeof content === "string" ? content : (content ?? []).map((part) => part.text ?? "").join("");

function directive(text: string, name: string): string | undefined {
  return text.match(new RegExp(`\\[\\[${name}=([\\s\\S]*?)\\]\\]`))?.[1];
}

function replyTokens(text: string): string[] {
  const exact = directive(text, "reply");
  if (exact !== undefined) return exact.match(/\S+\s*|\s+/g) ?? [exact];
  const count = directive(text, "tokens");
  if (count) return Array.from({ length: Number(count) }, (_, i) => `w${i + 1} `);
  const clean = text.replace(/\[\[[\s\S]*?\]\]/g, "").trim();
  return `Echo: ${clean}`.match(/\S+\s*/g) ?? ["Echo:"];
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    request.on("data", (chunk) => (data += chunk));
    request.on("end", () => resolve(data));
    request.on("error", reject);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function chatCompletions(request: http.IncomingMessage, response: http.ServerResponse) {
  const body = JSON.parse(await readBody(request)) as ChatBody;
  const lastUser = textOf([...(body.messages ?? [])].reverse().find((m) => m.role === "user")?.content);
  const entry: Logged = { id: nextId++, model: body.model ?? "", lastUser, stream: Boolean(body.stream), aborted: false, completed: false };
  log.push(entry);
  response.on("close", () => {
    if (!entry.completed) entry.aborted = true;
  });

  const httpError = directive(lastUser, "http-error");
  if (httpError) {
    response.writeHead(Number(httpError), { "content-type": "application/json" });
    response.end(JSON.stringify({ error: { message: "model server failure (test)", type: "server_error", code: null } }));
    entry.completed = true;
    return;
  }

  const tokens = replyTokens(lastUser);
  const usage = { prompt_tokens: lastUser.split(/\s+/).filter(Boolean).length, completion_tokens: tokens.length };
  const totalUsage = { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens };
  const id = `chatcmpl-test-${entry.id}`;
  const created = Math.floor(Date.now() / 1000);
  const model = body.model ?? "test-model";

  if (!body.stream) {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(
      JSON.stringify({
        id, object: "chat.completion", created, model,
        choices: [{ index: 0, message: { role: "assistant", content: tokens.join("") }, finish_reason: "stop" }],
        usage: totalUsage,
      }),
    );
    entry.completed = true;
    return;
  }

  const delay = Number(directive(lastUser, "delay") ?? 20);
  const dropAfter = directive(lastUser, "drop-after");
  response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  const send = (payload: unknown) => response.write(`data: ${JSON.stringify(payload)}\n\n`);
  const chunk = (delta: object, finish: string | null = null) =>
    send({ id, object: "chat.completion.chunk", created, model, choices: [{ index: 0, delta, finish_reason: finish }] });

  chunk({ role: "assistant", content: "" });
  for (const [index, token] of tokens.entries()) {
    if (response.destroyed) return;
    if (dropAfter && index >= Number(dropAfter)) {
      response.destroy();
      return;
    }
    await sleep(delay);
    chunk({ content: token });
  }
  chunk({}, "stop");
  if (body.stream_options?.include_usage) send({ id, object: "chat.completion.chunk", created, model, choices: [], usage: totalUsage });
  response.write("data: [DONE]\n\n");
  response.end();
  entry.completed = true;
}

const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? "/", `http://127.0.0.1:${port}`);
  const json = (status: number, body: unknown) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  };
  if (url.pathname === "/health") return json(200, { status: "ok" });
  if (url.pathname === "/__requests") return json(200, { requests: log });
  if (url.pathname === "/v1/models") {
    return json(200, { object: "list", data: [{ id: "test-model", object: "model", created: 0, owned_by: "test" }] });
  }
  if (url.pathname === "/v1/chat/completions" && request.method === "POST") {
    chatCompletions(request, response).catch((error: unknown) => {
      if (!response.headersSent) json(400, { error: { message: String(error), type: "invalid_request_error", code: null } });
    });
    return;
  }
  json(404, { error: { message: "not found", type: "invalid_request_error", code: null } });
});

server.listen(port, "127.0.0.1", () => console.log(`model server on ${port}`));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
