import "server-only";
import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

// oidc-provider is a Koa app: it wants Node's request and response. This runs one Web Request through
// such a handler and collects what it writes into a Web Response. `path` is what the handler routes on;
// `protocol` is the public origin's (Koa then knows whether cookies may be Secure).
export async function runNodeHandler(handler: NodeHandler, request: Request, input: { path: string; protocol: "http" | "https" }): Promise<Response> {
  const body = request.method === "GET" || request.method === "HEAD" ? null : Buffer.from(await request.arrayBuffer());
  const socket = new Socket();
  const req = new IncomingMessage(socket);
  req.method = request.method;
  req.url = input.path;
  req.httpVersion = "1.1";
  req.httpVersionMajor = 1;
  req.httpVersionMinor = 1;
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers["x-forwarded-proto"] = input.protocol;
  if (body) headers["content-length"] = String(body.length);
  req.headers = headers;
  if (body) req.push(body);
  req.push(null);

  return new Promise<Response>((resolve, reject) => {
    const res = new ServerResponse(req);
    const chunks: Buffer[] = [];
    const collect = (chunk: unknown, encoding?: unknown) => {
      if (chunk == null || typeof chunk === "function") return;
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
    };
    res.write = ((chunk: unknown, encoding?: unknown) => {
      collect(chunk, encoding);
      return true;
    }) as typeof res.write;
    res.end = ((chunk?: unknown, encoding?: unknown) => {
      collect(chunk, encoding);
      const responseHeaders = new Headers();
      for (const [name, value] of Object.entries(res.getHeaders())) {
        if (value === undefined) continue;
        for (const one of Array.isArray(value) ? value : [String(value)]) responseHeaders.append(name, one);
      }
      const status = res.statusCode;
      const payload = status === 204 || status === 304 || request.method === "HEAD" ? null : Buffer.concat(chunks);
      // Koa and on-finished look at these to know the response is over.
      Object.defineProperty(res, "writableEnded", { value: true });
      res.finished = true;
      res.emit("finish");
      resolve(new Response(payload, { status, headers: responseHeaders }));
      return res;
    }) as typeof res.end;
    Promise.resolve(handler(req, res)).catch(reject);
  });
}
