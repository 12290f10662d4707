import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";

// A tiny listener that counts every request: proof that nothing in a page fetched it.
export async function leakListener() {
  const hits: string[] = [];
  const server = http.createServer((request, response) => {
    hits.push(request.url ?? "");
    response.writeHead(200, { "content-type": "image/png" });
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return { port, hits, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

// Every dialog a page opens (and dismisses) and every request it makes.
export function watchPage(page: Page) {
  const dialogs: string[] = [];
  const requests: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("request", (request) => requests.push(request.url()));
  return { dialogs, requests };
}
