import "server-only";
import { Redis } from "ioredis";
import { RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { RateLimiterDb } from "./db-limiter";

// Counters live where every instance sees them: Redis when REDIS_URL is set, else the database.
let redis: Redis | undefined;

export function redisClient(): Redis | undefined {
  if (!env.REDIS_URL) return undefined;
  redis ??= new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: true, lazyConnect: false });
  return redis;
}

export function createLimiter(options: { keyPrefix: string; points: number; durationSeconds: number }): RateLimiterAbstract {
  const common = { keyPrefix: options.keyPrefix, points: options.points, duration: options.durationSeconds };
  const client = redisClient();
  if (client) return new RateLimiterRedis({ ...common, storeClient: client });
  return new RateLimiterDb({ ...common, storeClient: db });
}
