// Benchmark data written straight into the app's database, in the shapes the app itself writes:
// session rows hold the SHA-256 of the cookie's token (lib/auth/session-store.ts), API keys their hash
// and display parts (lib/api-keys/manage.ts), messages their text parts (lib/db/queries/messages.ts).
import { randomUUID } from "node:crypto";
import { serializeScopes, type ApiKeyScope } from "../../lib/api-keys/constants";
import { generateApiKey, hashApiKey } from "../../lib/api-keys/format";
import { generateToken, sha256Hex } from "../../lib/auth/tokens";
import type { Db } from "../../lib/db/create-client";

export const SESSION_COOKIE = "authjs.session-token"; // AUTH_URL is http in the rig

export type BenchUser = { id: string; email: string; token: string; cookie: string };

const DAY_MS = 86_400_000;
const BATCH = 500;

// Active members with one fresh session each, as a magic-link sign-in under an open sign-up leaves them
// (the column's default is `pending`, which the guard would stop).
export async function seedUsers(db: Db, count: number, label = "bench"): Promise<BenchUser[]> {
  const now = new Date();
  const users: BenchUser[] = Array.from({ length: count }, () => {
    const id = randomUUID();
    const token = generateToken();
    return { id, email: `${label}-${id.slice(0, 8)}@bench.test`, token, cookie: `${SESSION_COOKIE}=${token}` };
  });
  for (let i = 0; i < users.length; i += BATCH) {
    const batch = users.slice(i, i + BATCH);
    await db.user.createMany({ data: batch.map(({ id, email }) => ({ id, email, emailVerified: now, role: "member", status: "active", approvedAt: now })) });
    await db.session.createMany({
      data: batch.map(({ id, token }) => ({
        sessionToken: sha256Hex(token),
        userId: id,
        expires: new Date(now.getTime() + 30 * DAY_MS),
        lastSeenAt: now,
        ip: "127.0.0.1",
        userAgent: "keyline-bench",
        method: "email",
      })),
    });
  }
  return users;
}

export async function seedApiKey(db: Db, userId: string, scopes: ApiKeyScope[] = ["models:read", "chat:write"]): Promise<string> {
  const { key, prefix, lastFour } = generateApiKey();
  await db.apiKey.create({
    data: { userId, name: "bench", prefix, lastFour, hash: hashApiKey(key), scopes: serializeScopes(scopes), expiresAt: new Date(Date.now() + 90 * DAY_MS) },
    select: { id: true },
  });
  return key;
}

// A thread of `count` messages, alternating user and assistant, a few hundred characters each.
export async function seedThread(db: Db, userId: string, count: number): Promise<string> {
  const threadId = randomUUID();
  const start = Date.now() - count * 1_000;
  await db.thread.create({
    data: { id: threadId, userId, title: `Seeded thread of ${count} messages`, model: "openai:test-model", createdAt: new Date(start), updatedAt: new Date(start + count * 1_000) },
    select: { id: true },
  });
  for (let i = 0; i < count; i += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, count - i) }, (_, j) => {
      const n = i + j;
      const role = n % 2 === 0 ? "user" : "assistant";
      const text = `${role === "user" ? "Question" : "Answer"} ${n}: ${"lorem ipsum dolor sit amet ".repeat(role === "user" ? 3 : 12)}`.trim();
      return {
        id: randomUUID(),
        threadId,
        userId,
        role,
        parts: [{ type: "text", text }],
        content: text,
        status: "complete",
        model: role === "assistant" ? "openai:test-model" : null,
        createdAt: new Date(start + n * 1_000),
      };
    });
    await db.message.createMany({ data: rows });
  }
  return threadId;
}

// The session's last use, moved back so the next request slides the idle timeout (a write).
export async function ageSession(db: Db, token: string, minutes: number): Promise<void> {
  await db.session.updateMany({ where: { sessionToken: sha256Hex(token) }, data: { lastSeenAt: new Date(Date.now() - minutes * 60_000) } });
}
