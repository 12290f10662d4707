import "server-only";
import { pingDatabase } from "@/lib/db/queries/health";
import { redisClient } from "@/lib/rate-limit/store";

export type DependencyHealth = { database: "ok" | "down"; redis?: "ok" | "down" };

const withTimeout = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms))]);

async function probe(name: string, check: () => Promise<unknown>): Promise<"ok" | "down"> {
  try {
    await withTimeout(check(), 2_000);
    return "ok";
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split("\n").find((line) => line.trim()) ?? error.name) : String(error);
    console.error(`[health] ${name} unreachable: ${reason.trim()}`);
    return "down";
  }
}

// The database always; Redis when REDIS_URL is set (rate limits depend on it).
export async function checkDependencies(): Promise<DependencyHealth> {
  const redis = redisClient();
  const [database, redisState] = await Promise.all([
    probe("database", pingDatabase),
    redis ? probe("redis", () => redis.ping()) : Promise.resolve(undefined),
  ]);
  return redisState ? { database, redis: redisState } : { database };
}
