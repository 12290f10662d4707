import "server-only";
import { consumeIpRateLimit, consumeRateLimit, type RateLimitResult } from "@/lib/rate-limit/limiter";

// Brute-force and mail-bombing limits on sign-in. Known and unknown addresses count the same way,
// so the limit reveals nothing about which addresses have accounts.
export async function limitMagicLinkRequest({ email, ip }: { email: string; ip: string | null }): Promise<RateLimitResult | null> {
  const perEmail = await consumeRateLimit("email", email);
  if (!perEmail.allowed) return perEmail;
  return limitSignInAttempt({ ip });
}

export async function limitSignInAttempt({ ip }: { ip: string | null }): Promise<RateLimitResult | null> {
  const perIp = await consumeIpRateLimit("signin_ip", ip);
  return perIp.allowed ? null : perIp;
}

export function retryAfterText(result: RateLimitResult): string {
  const minutes = Math.ceil(result.resetSeconds / 60);
  return minutes <= 1 ? "in a minute" : `in ${minutes} minutes`;
}
