import { beforeAll, describe, expect, it } from "vitest";
import type * as SessionStore from "@/lib/auth/session-store";
import type { sha256Hex as sha256HexFn } from "@/lib/auth/tokens";
import type { Db } from "@/lib/db/create-client";
import type * as ApiKeyQueries from "@/lib/db/queries/api-keys";
import type * as OAuthQueries from "@/lib/db/queries/oauth";
import type * as SessionQueries from "@/lib/db/queries/sessions";
import { dateFromRow, optionalDateFromRow } from "@/lib/db/raw-row";
import { useMigratedSqlite } from "./support/migrated-sqlite";

// The session and API-key lookups are raw SQL for speed; these hold them to exactly what the ORM returns
// for the same rows, on a SQLite database migrated like the app's (the e2e suite runs them on PostgreSQL).
// Type-only imports: the modules themselves load after DATABASE_URL points at the test database.
type Modules = {
  db: Db;
  sessions: typeof SessionQueries;
  apiKeys: typeof ApiKeyQueries;
  oauth: typeof OAuthQueries;
  store: typeof SessionStore;
  sha256Hex: typeof sha256HexFn;
};
let m: Modules;

beforeAll(async () => {
  await useMigratedSqlite("raw");
  m = {
    db: (await import("@/lib/db/client")).db,
    sessions: await import("@/lib/db/queries/sessions"),
    apiKeys: await import("@/lib/db/queries/api-keys"),
    oauth: await import("@/lib/db/queries/oauth"),
    store: await import("@/lib/auth/session-store"),
    sha256Hex: (await import("@/lib/auth/tokens")).sha256Hex,
  };
});

const unique = () => Math.random().toString(36).slice(2);

async function userWithSession(options: { emailVerified: Date | null; expires: Date; lastSeenAt?: Date }) {
  const user = await m.db.user.create({
    data: { email: `${unique()}@example.test`, name: "Ada", image: "https://example.test/a.png", emailVerified: options.emailVerified },
  });
  const token = unique() + unique();
  await m.db.session.create({
    data: { sessionToken: m.sha256Hex(token), userId: user.id, expires: options.expires, lastSeenAt: options.lastSeenAt, ip: "203.0.113.9", userAgent: "ua", method: "email" },
  });
  return { user, token, tokenHash: m.sha256Hex(token) };
}

describe("findSessionWithUser", () => {
  it("returns what the ORM returns, dates as Dates, for verified and unverified users", async () => {
    for (const emailVerified of [new Date("2026-01-02T03:04:05.678Z"), null]) {
      const { tokenHash } = await userWithSession({ emailVerified, expires: new Date(Date.now() + 3_600_000) });
      // Everything but the user's lastSeenAt, which only the admin console reads (the guard never does).
      const expected = await m.db.session.findUnique({ where: { sessionToken: tokenHash }, include: { user: { omit: { lastSeenAt: true } } } });
      const actual = await m.sessions.findSessionWithUser({ tokenHash });
      expect(expected).not.toBeNull();
      expect(actual).toStrictEqual(expected);
      expect(actual!.expires).toBeInstanceOf(Date);
      expect(actual!.user.emailVerified).toEqual(emailVerified);
    }
  });

  it("finds nothing for an unknown token, and never matches on a prefix or pattern", async () => {
    const { tokenHash } = await userWithSession({ emailVerified: null, expires: new Date(Date.now() + 3_600_000) });
    expect(await m.sessions.findSessionWithUser({ tokenHash: m.sha256Hex("unknown") })).toBeNull();
    expect(await m.sessions.findSessionWithUser({ tokenHash: tokenHash.slice(0, 10) })).toBeNull();
    expect(await m.sessions.findSessionWithUser({ tokenHash: "%" })).toBeNull();
    expect(await m.sessions.findSessionWithUser({ tokenHash: `' OR '1'='1` })).toBeNull();
  });

  it("lets validateSessionToken refuse and delete sessions past their absolute or idle expiry", async () => {
    const expired = await userWithSession({ emailVerified: null, expires: new Date(Date.now() - 1_000) });
    const idle = await userWithSession({ emailVerified: null, expires: new Date(Date.now() + 3_600_000), lastSeenAt: new Date(Date.now() - 8 * 86_400_000) });
    const live = await userWithSession({ emailVerified: null, expires: new Date(Date.now() + 3_600_000) });
    expect(await m.store.validateSessionToken(expired.token)).toBeNull();
    expect(await m.store.validateSessionToken(idle.token)).toBeNull();
    expect(await m.db.session.count({ where: { userId: { in: [expired.user.id, idle.user.id] } } })).toBe(0);
    expect((await m.store.validateSessionToken(live.token))?.user.id).toBe(live.user.id);
  });

  it("carries the user's status, and a suspended user's session ends on its next use", async () => {
    const live = await userWithSession({ emailVerified: null, expires: new Date(Date.now() + 3_600_000) });
    await m.db.user.update({ where: { id: live.user.id }, data: { status: "active" } });
    expect((await m.store.validateSessionToken(live.token))?.user).toMatchObject({ status: "active", role: "member", suspendedReason: null });
    await m.db.user.update({ where: { id: live.user.id }, data: { status: "suspended", suspendedReason: "spam" } });
    expect((await m.sessions.findSessionWithUser({ tokenHash: live.tokenHash }))?.user).toMatchObject({ status: "suspended", suspendedReason: "spam" });
    expect(await m.store.validateSessionToken(live.token)).toBeNull();
    expect(await m.db.session.count({ where: { userId: live.user.id } })).toBe(0);
  });
});

describe("findApiKeyByHash", () => {
  it("returns what the ORM returns, with null and set dates", async () => {
    const user = await m.db.user.create({ data: { email: `${unique()}@example.test`, status: "active" } });
    const cases = [
      { expiresAt: null, revokedAt: null, lastUsedAt: null, lastUsedIp: null },
      { expiresAt: new Date("2027-01-01T00:00:00.000Z"), revokedAt: new Date("2026-11-01T10:00:00.123Z"), lastUsedAt: new Date("2026-10-01T10:00:00.456Z"), lastUsedIp: "198.51.100.7" },
    ];
    for (const dates of cases) {
      const hash = unique() + unique();
      await m.db.apiKey.create({ data: { userId: user.id, name: "k", prefix: "kl_live_", lastFour: "abcd", hash, scopes: "models:read chat:write", ...dates } });
      const orm = await m.db.apiKey.findUnique({
        where: { hash },
        select: { id: true, userId: true, scopes: true, expiresAt: true, revokedAt: true, lastUsedAt: true, lastUsedIp: true },
      });
      expect(await m.apiKeys.findApiKeyByHash({ hash })).toStrictEqual({ ...orm, userStatus: "active", userTokenBudget: null });
    }
    expect(await m.apiKeys.findApiKeyByHash({ hash: "%" })).toBeNull();
  });

  it("carries the owner's current status", async () => {
    const user = await m.db.user.create({ data: { email: `${unique()}@example.test`, status: "active" } });
    const hash = unique() + unique();
    await m.db.apiKey.create({ data: { userId: user.id, name: "k", prefix: "kl_live_", lastFour: "abcd", hash, scopes: "chat:write" } });
    expect((await m.apiKeys.findApiKeyByHash({ hash }))?.userStatus).toBe("active");
    await m.db.user.update({ where: { id: user.id }, data: { status: "suspended" } });
    expect((await m.apiKeys.findApiKeyByHash({ hash }))?.userStatus).toBe("suspended");
  });
});

describe("findLiveGrant", () => {
  it("returns what the ORM returns: live grants with their owner, nothing for expired or unknown ones", async () => {
    const { user } = await userWithSession({ emailVerified: null, expires: new Date(Date.now() + 3_600_000) });
    await m.db.user.update({ where: { id: user.id }, data: { tokenBudget: "5000/1d" } });
    const now = new Date();
    const grants = {
      open: { expiresAt: null, lastUsedAt: null, lastUsedIp: null },
      live: { expiresAt: new Date(now.getTime() + 60_000), lastUsedAt: new Date("2026-05-06T07:08:09.010Z"), lastUsedIp: "198.51.100.4" },
      expired: { expiresAt: new Date(now.getTime() - 1), lastUsedAt: null, lastUsedIp: null },
    };
    for (const [name, fields] of Object.entries(grants)) {
      await m.db.oAuthRecord.create({ data: { kind: "Grant", idHash: `h-${name}-${unique()}`, payload: "{}", grantId: `g-${name}-${user.id}`, userId: user.id, ...fields } });
      // An access token of the same grant id is not the grant.
      await m.db.oAuthRecord.create({ data: { kind: "AccessToken", idHash: `a-${name}-${unique()}`, payload: "{}", grantId: `g-${name}-${user.id}`, userId: user.id } });
    }
    for (const name of [...Object.keys(grants), "unknown"]) {
      const grantId = `g-${name}-${user.id}`;
      const expected = await m.db.oAuthRecord.findFirst({
        where: { kind: "Grant", grantId, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
        select: { userId: true, lastUsedAt: true, lastUsedIp: true, user: { select: { status: true, tokenBudget: true } } },
      });
      const actual = await m.oauth.findLiveGrant({ grantId, now });
      expect(actual, name).toStrictEqual(expected);
      expect(actual === null, name).toBe(name === "expired" || name === "unknown");
    }
  });
});

describe("dates from raw rows", () => {
  it("accept Dates and ISO strings, and throw on anything an expiry check would misread", () => {
    expect(dateFromRow(new Date(5))).toEqual(new Date(5));
    expect(dateFromRow("2026-11-22T10:00:00.000Z")).toEqual(new Date("2026-11-22T10:00:00.000Z"));
    expect(optionalDateFromRow(null)).toBeNull();
    expect(dateFromRow("2026-11-22T10:00:00+01:00")).toEqual(new Date("2026-11-22T09:00:00.000Z"));
    for (const value of [1_764_000_000_000, "1764000000000", "2026-11-22 10:00:00", "2026-11-22T10:00:00", "not a date", new Date(NaN), undefined, {}]) {
      expect(() => dateFromRow(value)).toThrow(/where a date was expected/);
    }
  });
});
