import { spawn } from "node:child_process";
import { Redis } from "ioredis";
import { freePort } from "./app-process";

export type RedisServer = { url: string; client: Redis; stop: () => Promise<void> };

// Debian's redis-server on a free loopback port, in memory only, for the tests that run several instances.
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `redis://127.0.0.1:${port}`;
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  // Refusals while the server starts are expected; connect() below reports what matters.
  client.on("error", () => undefined);
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await client.connect();
      await client.ping();
      break;
    } catch (error) {
      client.disconnect();
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url,
    client,
    stop: async () => {
      client.disconnect();
      child.kill("SIGTERM");
      await exited;
    },
  };
}
