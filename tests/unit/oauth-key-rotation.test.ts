import { importJWK, SignJWT, type JWK } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/create-client";
import type * as SigningKeys from "@/lib/oauth/signing-keys";
import type * as Verify from "@/lib/oauth/verify-access-token";
import { useMigratedSqlite } from "./support/migrated-sqlite";

// Signing-key rotation on a migrated SQLite database: a token signed before a rotation verifies until the
// retired key's grace ends (its tokens' life plus a minute), and not after; the key stays in the JWKS just as
// long; a key older than OAUTH_KEY_ROTATION_DAYS (90 by default) is replaced by the next key reload.
let db: Db;
let keys: typeof SigningKeys;
let verify: typeof Verify;
let authUrl: string;

beforeAll(async () => {
  await useMigratedSqlite("oauth-keys");
  db = (await import("@/lib/db/client")).db;
  keys = await import("@/lib/oauth/signing-keys");
  verify = await import("@/lib/oauth/verify-access-token");
  authUrl = (await import("@/lib/env")).env.AUTH_URL;
});

const MINUTE = 60_000;

async function grantOfNewUser() {
  const user = await db.user.create({ data: { email: `${Math.random().toString(36).slice(2)}@example.test`, status: "active" } });
  const grantId = `grant-${Math.random().toString(36).slice(2)}`;
  await db.oAuthRecord.create({ data: { kind: "Grant", idHash: grantId, grantId, userId: user.id, payload: "{}" } });
  return { userId: user.id, grantId };
}

async function tokenSignedBy(jwk: JWK, at: Date, grant: { userId: string; grantId: string }) {
  const iat = Math.floor(at.getTime() / 1000);
  return new SignJWT({ client_id: "cli", gid: grant.grantId, scope: "models:read" })
    .setProtectedHeader({ alg: "ES256", kid: jwk.kid!, typ: "at+jwt" })
    .setIssuer(authUrl)
    .setAudience(`${authUrl}/v1`)
    .setSubject(grant.userId)
    .setJti(`jti-${iat}`)
    .setIssuedAt(iat)
    .setExpirationTime(iat + 600)
    .sign(await importJWK(jwk, "ES256"));
}

describe("OAuth signing-key rotation", () => {
  it("a token signed before a rotation verifies within the grace and is refused after it", async () => {
    const start = new Date();
    const [old] = await keys.loadSigningJwks(start);
    const grant = await grantOfNewUser();
    const token = await tokenSignedBy(old!, start, grant);
    expect((await verify.verifyAccessToken(token, "v1", start)).ok).toBe(true);

    const newKid = await keys.rotateSigningKey(start);
    const soon = new Date(start.getTime() + 5 * MINUTE);
    const published = await keys.loadSigningJwks(soon);
    expect(published.map((key) => key.kid)).toEqual([newKid, old!.kid]);
    expect(await verify.verifyAccessToken(token, "v1", soon)).toMatchObject({ ok: true });

    // Past its tokens' life the old key is gone from the JWKS and refused, whatever the token claims.
    const afterGrace = new Date(start.getTime() + keys.RETIRED_KEY_GRACE_MS + 1000);
    expect((await keys.loadSigningJwks(afterGrace)).map((key) => key.kid)).toEqual([newKid]);
    expect(await verify.verifyAccessToken(token, "v1", afterGrace)).toEqual({ ok: false, reason: "The access token was not signed by a current key." });
    // Tokens from the new key are unaffected.
    const fresh = await tokenSignedBy(published[0]!, afterGrace, grant);
    expect((await verify.verifyAccessToken(fresh, "v1", afterGrace)).ok).toBe(true);
  });

  it("a key older than the rotation interval is replaced on the next reload, once, and the old one kept for its grace", async () => {
    const now = new Date();
    const [current] = await keys.loadSigningJwks(now);
    const later = new Date(now.getTime() + 91 * 86_400_000);
    const [replacement, retired] = await keys.loadSigningJwks(later);
    expect(replacement!.kid).not.toBe(current!.kid);
    expect(retired!.kid).toBe(current!.kid);
    // The next reload finds a young current key and leaves it alone.
    const again = await keys.loadSigningJwks(new Date(later.getTime() + MINUTE));
    expect(again[0]!.kid).toBe(replacement!.kid);
    expect(await db.oAuthSigningKey.count({ where: { retiredAt: null } })).toBe(1);
  });
});
