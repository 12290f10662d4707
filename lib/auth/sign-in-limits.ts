import "server-only";
import { consumeIpRateLimit, consumeRateLimit, type RateLimitResult } from "@/lib/rate-limit/limiter";

// Brute-force and mail-bombing limits on sign-in. Known and unknown addresses count the same way,
// so the limit reveals nothing about which addresses have accounts.

// Counted where the mail is sent, on the address Auth.js actually mails (after its normalisation), not on
// a re-parse of the request: Auth.js also reads JSON bodies and takes the last of duplicated fields, so a
// count in front of it can be walked around (the review mailed one address 18 times against a limit of 5).
export async function limitMagicLinkMail(address: string): Promise<RateLimitResult | null> {
  const perAddress = await consumeRateLimit("email", address);
  return perAddress.allowed ? null : perAddress;
}

export async function limitSignInAttempt({ ip }: { ip: string | null }): Promise<RateLimitResult | null> {
  const perIp = await consumeIpRateLimit("signin_ip", ip);
  return perIp.allowed ? null : perIp;
}

export function retryAfterText(result: RateLimitResult): string {
  const minutes = Math.ceil(result.resetSeconds / 60);
  return minutes <= 1 ? "in a minute" : `in ${minutes} minutes`;
}
