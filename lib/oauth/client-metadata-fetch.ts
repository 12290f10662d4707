import dns from "node:dns";
import https from "node:https";
import net from "node:net";
import { addressAllowed } from "./address-policy";

// Every outgoing request of the authorization server (client ID metadata documents above all) goes
// through here, because the URL comes from whoever is asking: https only, the name resolved once by us
// and every answer checked (lib/oauth/address-policy.ts), the connection pinned to the checked address
// (a second DNS answer cannot rebind it), TLS verified against the original name, no redirects, a JSON
// content type, a size limit and a time limit.

export type ResolvedAddress = { address: string; family: number };
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export type FetchLimits = {
  allowLoopback: boolean;
  maxBytes?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  // Tests only: a resolver standing in for DNS, and a CA for a test server.
  resolve?: Resolver;
  ca?: string;
};

export type FetchedDocument = { status: number; headers: Headers; body: Buffer };

export const METADATA_MAX_BYTES = 5 * 1024;
export const METADATA_TIMEOUT_MS = 5_000;

export class MetadataFetchRefused extends Error {
  override name = "MetadataFetchRefused";
}

const systemResolver: Resolver = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

async function checkedAddress(hostname: string, limits: FetchLimits): Promise<ResolvedAddress> {
  const literal = net.isIP(hostname);
  const answers = literal ? [{ address: hostname, family: literal }] : await (limits.resolve ?? systemResolver)(hostname);
  if (answers.length === 0) throw new MetadataFetchRefused(`${hostname} has no address`);
  // One bad answer refuses the name: which answer a later lookup would pick is not ours to know.
  const refused = answers.find((answer) => !addressAllowed(answer.address, { allowLoopback: limits.allowLoopback }));
  if (refused) throw new MetadataFetchRefused(`${hostname} resolves to a non-public address`);
  return answers[0]!;
}

function targetOf(input: string | URL): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new MetadataFetchRefused("not a URL");
  }
  if (url.protocol !== "https:") throw new MetadataFetchRefused("only https URLs are fetched");
  if (url.username || url.password) throw new MetadataFetchRefused("URLs with credentials are not fetched");
  return url;
}

// Only the https port: anything else would let a client_id probe other services' ports through Keyline.
// The loopback test setting serves its documents from whatever port the test picked.
function checkPort(url: URL, limits: FetchLimits) {
  if (url.port && url.port !== "443" && !limits.allowLoopback) throw new MetadataFetchRefused("only port 443 is fetched");
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new MetadataFetchRefused(`no address within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

function isJson(contentType: string | undefined): boolean {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  return type === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

function headersOf(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined || name === "set-cookie") continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

export async function fetchClientMetadata(input: string | URL, limits: FetchLimits): Promise<FetchedDocument> {
  const url = targetOf(input);
  const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const maxBytes = limits.maxBytes ?? METADATA_MAX_BYTES;
  const timeoutMs = limits.timeoutMs ?? METADATA_TIMEOUT_MS;
  // The name's lookup counts toward the time limit too: a slow name server cannot hold the request.
  const pinned = await withDeadline(checkedAddress(hostname, limits), timeoutMs);
  checkPort(url, limits);

  return new Promise<FetchedDocument>((resolve, reject) => {
    const request = https.request({
      host: hostname,
      port: url.port || 443,
      path: `${url.pathname}${url.search}`,
      method: "GET",
      headers: { accept: "application/json", "user-agent": "Keyline" },
      // SNI and certificate checks use the name; the socket goes to the address checked above.
      servername: net.isIP(hostname) ? undefined : hostname,
      lookup: ((_name: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
        if (options?.all) callback(null, [pinned]);
        else callback(null, pinned.address, pinned.family);
      }) as unknown as typeof dns.lookup,
      agent: false,
      ca: limits.ca,
    });
    const fail = (error: Error) => {
      request.destroy();
      reject(error);
    };
    const timer = setTimeout(() => fail(new MetadataFetchRefused(`no complete answer within ${timeoutMs} ms`)), timeoutMs);
    const onAbort = () => fail(new MetadataFetchRefused("aborted"));
    limits.signal?.addEventListener("abort", onAbort, { once: true });
    const done = () => {
      clearTimeout(timer);
      limits.signal?.removeEventListener("abort", onAbort);
    };
    request.on("error", (error) => {
      done();
      reject(error instanceof MetadataFetchRefused ? error : new MetadataFetchRefused(`fetch failed: ${error.message}`));
    });
    request.on("response", (response) => {
      const status = response.statusCode ?? 0;
      const refuse = (reason: string) => {
        done();
        response.destroy();
        fail(new MetadataFetchRefused(reason));
      };
      if (status >= 300 && status < 400) return refuse(`answered with a redirect (${status}); redirects are not followed`);
      if (status !== 200) return refuse(`answered ${status}`);
      if (!isJson(response.headers["content-type"])) return refuse("content type is not JSON");
      if (Number(response.headers["content-length"] ?? 0) > maxBytes) return refuse(`larger than ${maxBytes} bytes`);
      const chunks: Buffer[] = [];
      let received = 0;
      response.on("data", (chunk: Buffer) => {
        received += chunk.length;
        if (received > maxBytes) return refuse(`larger than ${maxBytes} bytes`);
        chunks.push(chunk);
      });
      response.on("end", () => {
        done();
        if (received > maxBytes) return;
        resolve({ status, headers: headersOf(response.headers), body: Buffer.concat(chunks) });
      });
      response.on("error", (error) => refuse(`fetch failed: ${error.message}`));
    });
    request.end();
  });
}
