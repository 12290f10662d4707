// Request bodies read with a byte cap: a missing or lying Content-Length cannot make the server buffer
// more. Each surface turns these failures into its own error shape (lib/http/read-json-body.ts for the
// app API, lib/openai-compat/read-json.ts for the developer API).
export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`body larger than ${maxBytes} bytes`);
  }
}

export function isJsonContentType(headers: Headers): boolean {
  return /^application\/json\s*(;|$)/i.test((headers.get("content-type") ?? "").trim());
}

// Requests whose body was refused part-way (or before it was read): the rest is never read, so the
// connection cannot carry another request (the server would wait for a body nobody reads, or read a
// declared gigabyte to skip it). routeHandler answers them with `Connection: close`.
const leftUnread = new WeakSet<Request>();
export const bodyLeftUnread = (request: Request) => leftUnread.has(request);

export async function readCappedText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) {
    leftUnread.add(request);
    throw new BodyTooLargeError(maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        leftUnread.add(request);
        await reader.cancel();
        throw new BodyTooLargeError(maxBytes);
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks).toString("utf8");
}
