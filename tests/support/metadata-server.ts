import https from "node:https";
import type { AddressInfo } from "node:net";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { LoopbackTls } from "./loopback-ca";

// A loopback HTTPS server with the private CA's certificate, serving client ID metadata documents (and
// the misbehaving answers the attack tests need) at paths a test chooses.
type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export type MetadataServer = {
  port: number;
  origin: string;
  requests: { path: string; host: string | undefined; servername: string | undefined }[];
  serve(path: string, handler: Handler): string;
  json(path: string, body: unknown, headers?: Record<string, string>): string;
  close(): Promise<void>;
};

export async function startMetadataServer(tls: LoopbackTls): Promise<MetadataServer> {
  const handlers = new Map<string, Handler>();
  const requests: MetadataServer["requests"] = [];
  const server = https.createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    const path = new URL(req.url ?? "/", "https://x").pathname;
    const socket = req.socket as typeof req.socket & { servername?: string | false };
    requests.push({ path, host: req.headers.host, servername: socket.servername || undefined });
    const handler = handlers.get(path);
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `https://127.0.0.1:${port}`;
  const serve = (path: string, handler: Handler) => {
    handlers.set(path, handler);
    return `${origin}${path}`;
  };
  return {
    port,
    origin,
    requests,
    serve,
    json(path, body, headers = {}) {
      return serve(path, (_req, res) => {
        res.writeHead(200, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
