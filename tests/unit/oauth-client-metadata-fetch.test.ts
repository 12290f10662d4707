import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchClientMetadata, MetadataFetchRefused, type Resolver } from "@/lib/oauth/client-metadata-fetch";
import { loopbackTls, type LoopbackTls } from "../support/loopback-ca";
import { startMetadataServer, type MetadataServer } from "../support/metadata-server";

// The fetcher against a real HTTPS server on loopback (trusted through a test CA), with resolvers that
// stand in for DNS: what a hostile DNS or document server can make it do.
let tls: LoopbackTls;
let server: MetadataServer;
const tlsDir = path.join(os.tmpdir(), `keyline-unit-tls-${process.pid}`);

beforeAll(async () => {
  tls = loopbackTls(tlsDir);
  server = await startMetadataServer(tls);
});
afterAll(async () => {
  await server.close();
  fs.rmSync(tlsDir, { recursive: true, force: true });
});

const resolverOf = (...answers: string[][]): Resolver & { calls: number } => {
  const resolve = Object.assign(
    async () => {
      const answer = answers[Math.min(resolve.calls, answers.length - 1)]!;
      resolve.calls += 1;
      return answer.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
    },
    { calls: 0 },
  );
  return resolve;
};

const atName = (url: string) => url.replace("127.0.0.1", "metadata.test");
const testLimits = { allowLoopback: true, ca: undefined as string | undefined };

describe("fetching a client metadata document", () => {
  beforeAll(() => {
    testLimits.ca = tls.ca;
  });

  it("fetches a JSON document over https, to the checked address, with the original name for TLS and Host", async () => {
    const url = atName(server.json("/ok.json", { client_id: "x" }));
    const resolve = resolverOf(["127.0.0.1"]);
    const fetched = await fetchClientMetadata(url, { ...testLimits, resolve });
    expect(JSON.parse(fetched.body.toString())).toEqual({ client_id: "x" });
    expect(fetched.headers.get("content-type")).toBe("application/json");
    expect(server.requests.at(-1)).toMatchObject({ path: "/ok.json", host: `metadata.test:${server.port}`, servername: "metadata.test" });
  });

  it("pins the connection to the address it checked: a second DNS answer cannot rebind it", async () => {
    const url = atName(server.json("/rebind.json", { client_id: "x" }));
    // A rebinding DNS: the checked answer first, then a cloud metadata address for any later lookup.
    const resolve = resolverOf(["127.0.0.1"], ["169.254.169.254"]);
    await fetchClientMetadata(url, { ...testLimits, resolve });
    expect(resolve.calls).toBe(1);
    expect(server.requests.at(-1)?.path).toBe("/rebind.json");
  });

  it("refuses a name with any non-public answer, without connecting", async () => {
    const before = server.requests.length;
    for (const answer of [["10.0.0.7"], ["93.184.216.34", "192.168.0.10"], ["169.254.169.254"], ["100.64.1.1"], ["::ffff:127.0.0.1"], ["fd00::1"], []]) {
      await expect(fetchClientMetadata("https://metadata.test/doc.json", { allowLoopback: true, resolve: resolverOf(answer) }), answer.join()).rejects.toBeInstanceOf(MetadataFetchRefused);
    }
    expect(server.requests.length).toBe(before);
  });

  it("refuses loopback when the test setting is off, by name or by literal address", async () => {
    const url = server.json("/loopback.json", { client_id: "x" });
    const before = server.requests.length;
    await expect(fetchClientMetadata(url, { allowLoopback: false, ca: tls.ca })).rejects.toThrow(/non-public address/);
    await expect(fetchClientMetadata(atName(url), { allowLoopback: false, ca: tls.ca, resolve: resolverOf(["127.0.0.1"]) })).rejects.toThrow(/non-public address/);
    await expect(fetchClientMetadata("https://[::1]/x.json", { allowLoopback: false })).rejects.toThrow(/non-public address/);
    expect(server.requests.length).toBe(before);
  });

  it("connects to port 443 only (no port probing through Keyline), and gives a slow name server no more time than a slow document", async () => {
    await expect(fetchClientMetadata("https://93.184.216.34:8443/client.json", { allowLoopback: false })).rejects.toThrow(/only port 443/);
    const silent = () => new Promise<never>(() => undefined);
    const started = Date.now();
    await expect(fetchClientMetadata("https://slow-dns.test/client.json", { allowLoopback: false, resolve: silent, timeoutMs: 200 })).rejects.toThrow(/no address within/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("refuses http, credentials in the URL and non-URLs", async () => {
    await expect(fetchClientMetadata("http://93.184.216.34/client.json", { allowLoopback: false })).rejects.toThrow(/only https/);
    await expect(fetchClientMetadata("https://user:pw@metadata.test/client.json", { allowLoopback: true })).rejects.toThrow(/credentials/);
    await expect(fetchClientMetadata("not a url", { allowLoopback: true })).rejects.toThrow(/not a URL/);
  });

  it("does not follow a redirect", async () => {
    const target = server.json("/target.json", { client_id: "x" });
    const url = server.serve("/redirect.json", (_req, res) => res.writeHead(302, { location: target }).end());
    await expect(fetchClientMetadata(url, testLimits)).rejects.toThrow(/redirect \(302\)/);
    expect(server.requests.filter((request) => request.path === "/target.json")).toHaveLength(0);
  });

  it("refuses a document that is not JSON, not 200, or larger than the limit (declared or streamed)", async () => {
    const html = server.serve("/page.html", (_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("{}"));
    await expect(fetchClientMetadata(html, testLimits)).rejects.toThrow(/not JSON/);
    const missing = server.serve("/gone.json", (_req, res) => res.writeHead(404, { "content-type": "application/json" }).end("{}"));
    await expect(fetchClientMetadata(missing, testLimits)).rejects.toThrow(/answered 404/);
    const big = server.json("/big.json", { client_id: "x", padding: "a".repeat(6000) });
    await expect(fetchClientMetadata(big, testLimits)).rejects.toThrow(/larger than 5120 bytes/);
    const streamed = server.serve("/streamed.json", (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      for (let i = 0; i < 8; i++) res.write("x".repeat(1000));
      res.end();
    });
    await expect(fetchClientMetadata(streamed, testLimits)).rejects.toThrow(/larger than 5120 bytes/);
  });

  it("gives up on a slow document at the time limit", async () => {
    const slow = server.serve("/slow.json", (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"client_id":');
      setTimeout(() => res.end('"x"}'), 2_000).unref();
    });
    const started = Date.now();
    await expect(fetchClientMetadata(slow, { ...testLimits, timeoutMs: 300 })).rejects.toThrow(/within 300 ms/);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("refuses a certificate that does not chain to a trusted CA", async () => {
    const url = server.json("/untrusted.json", { client_id: "x" });
    await expect(fetchClientMetadata(url, { allowLoopback: true })).rejects.toThrow(/fetch failed/);
  });

  it("stops when the caller aborts", async () => {
    const hang = server.serve("/hang.json", () => undefined);
    await expect(fetchClientMetadata(hang, { ...testLimits, signal: AbortSignal.timeout(200) })).rejects.toThrow(/aborted/);
  });
});
