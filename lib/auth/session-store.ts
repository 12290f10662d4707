import "server-only";
import { createSessionRow, deleteSessionByHash, findSessionWithUser, touchSession } from "@/lib/db/queries/sessions";
import { env } from "@/lib/env";
import { statusOf } from "./roles";
import { sha256Hex } from "./tokens";

// One place decides whether a session token is valid, for Auth.js (through the adapter) and for
// requireUser(). `expires` is the absolute lifetime and never moves; the idle timeout slides with
// lastSeenAt, written at most once a minute.
const TOUCH_INTERVAL_MS = 60_000;

// Every sign-in, whatever the method, creates its session here and ends the session it replaces: the one
// whose cookie this browser sent (`replacing`). The new cookie overwrites the old one, so a row left
// behind would be a live session nobody holds, listed as another device (magic links used to do that).
export async function createSession({ replacing, ...input }: {
  token: string;
  userId: string;
  ip: string | null;
  userAgent: string | null;
  method: string | null;
  replacing?: string | null;
}) {
  const expires = new Date(Date.now() + env.SESSION_MAX_AGE);
  await createSessionRow({ ...input, tokenHash: sha256Hex(input.token), expires });
  if (replacing && replacing !== input.token) await deleteSessionByHash({ tokenHash: sha256Hex(replacing) });
  return { sessionToken: input.token, userId: input.userId, expires };
}

export async function validateSessionToken(token: string) {
  const tokenHash = sha256Hex(token);
  const row = await findSessionWithUser({ tokenHash });
  if (!row) return null;
  const now = Date.now();
  // A suspended account's sessions end on their next use, wherever it happens.
  if (statusOf(row.user.status) === "suspended") {
    await deleteSessionByHash({ tokenHash });
    return null;
  }
  if (row.expires.getTime() <= now || row.lastSeenAt.getTime() + env.SESSION_IDLE_TIMEOUT <= now) {
    await deleteSessionByHash({ tokenHash });
    return null;
  }
  if (now - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await touchSession({ id: row.id, userId: row.userId, lastSeenAt: new Date(now) });
  }
  const { user, ...session } = row;
  return { session, user };
}

export async function deleteSessionToken(token: string) {
  await deleteSessionByHash({ tokenHash: sha256Hex(token) });
}
