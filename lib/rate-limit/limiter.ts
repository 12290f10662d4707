import "server-only";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { clientLimitKey } from "./client-key";
import { createLimiter } from "./store";

// Named limits from settings (RATE_LIMIT_*), each keyed by whatever it protects (an email, an IP, a user, a key).
const LIMITS = {
  email: env.RATE_LIMIT_EMAIL,
  signin_ip: env.RATE_LIMIT_SIGNIN_IP,
  passkey_challenge_ip: env.RATE_LIMIT_PASSKEY_CHALLENGE_IP,
  share_ip: env.RATE_LIMIT_SHARE_IP,
  chat: env.RATE_LIMIT_CHAT,
  api_key: env.RATE_LIMIT_API_KEY,
  // Reads of a user's whole history (account export, thread search): cheap to ask for, costly to answer.
  export: env.RATE_LIMIT_EXPORT,
  search: env.RATE_LIMIT_SEARCH,
  oauth_registration_ip: env.RATE_LIMIT_OAUTH_REGISTRATION_IP,
  oauth_device_ip: env.RATE_LIMIT_OAUTH_DEVICE_IP,
  oauth_device_user: env.RATE_LIMIT_OAUTH_DEVICE_USER,
  // Not a setting: one audit entry per refused address (or client) and reason per window (lib/admin/sign-in-refusals.ts).
  audit_refusal: { points: 1, durationMs: 15 * 60_000 },
} as const;

export type LimitName = keyof typeof LIMITS;
// Limits per client address, which only consumeIpRateLimit counts (it decides what "one client" is).
export type IpLimitName = "signin_ip" | "passkey_challenge_ip" | "share_ip" | "oauth_registration_ip" | "oauth_device_ip";

export type RateLimitResult = {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetSeconds: number;
  windowSeconds: number;
};

const limiters = new Map<LimitName, RateLimiterAbstract>();

function limiterFor(name: LimitName): RateLimiterAbstract {
  let limiter = limiters.get(name);
  if (!limiter) {
    const { points, durationMs } = LIMITS[name];
    limiter = createLimiter({ keyPrefix: `rl:${name}`, points, durationSeconds: Math.max(1, Math.round(durationMs / 1000)) });
    limiters.set(name, limiter);
  }
  return limiter;
}

function toResult(name: LimitName, allowed: boolean, res: RateLimiterRes): RateLimitResult {
  const { points, durationMs } = LIMITS[name];
  return {
    allowed,
    limit: points,
    remaining: Math.max(0, res.remainingPoints),
    resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
    windowSeconds: Math.round(durationMs / 1000),
  };
}

export function consumeIpRateLimit(name: IpLimitName, ip: string | null): Promise<RateLimitResult> {
  return consume(name, clientLimitKey(ip));
}

export function consumeRateLimit(name: Exclude<LimitName, IpLimitName>, key: string): Promise<RateLimitResult> {
  return consume(name, key);
}

async function consume(name: LimitName, key: string): Promise<RateLimitResult> {
  try {
    return toResult(name, true, await limiterFor(name).consume(key));
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return toResult(name, false, rejection);
    console.error(`[rate-limit] store error for ${name}:`, rejection instanceof Error ? rejection.message : rejection);
    // Failing closed: a broken store must not turn into unlimited sign-in attempts.
    throw new AppError("unavailable:rate_limit", "The service is busy. Please try again shortly.", { headers: { "retry-after": "5" } });
  }
}

// IETF RateLimit headers: the current draft's structured fields and the widely deployed -07 names.
export function rateLimitHeaders(result: RateLimitResult): Record<string, string> {
  const headers: Record<string, string> = {
    "RateLimit-Policy": `"default";q=${result.limit};w=${result.windowSeconds}`,
    RateLimit: `"default";r=${result.remaining};t=${result.resetSeconds}`,
    "RateLimit-Limit": String(result.limit),
    "RateLimit-Remaining": String(result.remaining),
    "RateLimit-Reset": String(result.resetSeconds),
  };
  if (!result.allowed) headers["Retry-After"] = String(result.resetSeconds);
  return headers;
}

export function rateLimitedError(result: RateLimitResult, message = "Too many requests. Please wait and try again."): AppError {
  return new AppError("rate_limited:too_many_requests", message, { headers: rateLimitHeaders(result) });
}
