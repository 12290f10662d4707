import "server-only";
import crypto from "node:crypto";
import { env } from "@/lib/env";

// A refused sign-in of a suspended account lands on /login/suspended, which shows the admin's reason. The
// person has just proved they own the account (magic link, provider, passkey) but has no session, so the
// page gets a short-lived ticket naming the account, signed with AUTH_SECRET: nobody can read another
// account's reason by changing the address.
const TICKET_TTL_MS = 10 * 60_000;
export const SUSPENDED_PATH = "/login/suspended";

function sign(payload: string): string {
  return crypto.createHmac("sha256", env.AUTH_SECRET).update(`suspension-notice:${payload}`).digest("base64url");
}

export function suspensionNoticeUrl(userId: string, now = Date.now()): string {
  const payload = `${userId}.${now + TICKET_TTL_MS}`;
  return `${SUSPENDED_PATH}?${new URLSearchParams({ ticket: `${payload}.${sign(payload)}` })}`;
}

// The account id the ticket names, or null when it is forged, altered or expired.
export function readSuspensionTicket(ticket: string | undefined, now = Date.now()): string | null {
  if (!ticket || ticket.length > 200) return null;
  const parts = ticket.split(".");
  if (parts.length !== 3) return null;
  const [userId, expires, signature] = parts as [string, string, string];
  const expected = Buffer.from(sign(`${userId}.${expires}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  return Number(expires) > now ? userId : null;
}
