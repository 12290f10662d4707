// An OAuth access token for a seeded user, as the app's authorization server would issue it: a grant row and
// an ES256 JWT signed with the app's own stored key (opened with its AUTH_SECRET). What the resources check
// per request (signature by kid, claims, the grant lookup) is the same as for a token from a real flow.
import crypto from "node:crypto";
import { importJWK, SignJWT, type JWK } from "jose";
import type { RunningApp } from "./rig";

export async function mintAccessToken(app: RunningApp, userId: string, resource: "mcp" | "v1", scope: string): Promise<string> {
  // The first request to the authorization server makes its signing key.
  await fetch(`${app.origin}/.well-known/oauth-authorization-server`);
  const row = await app.db.oAuthSigningKey.findFirstOrThrow({ where: { retiredAt: null }, orderBy: { createdAt: "desc" } });
  const key = Buffer.from(crypto.hkdfSync("sha256", app.authSecret, "keyline", "oauth signing key encryption", 32));
  const raw = Buffer.from(row.privateJwk, "base64url");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  const jwk = JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8")) as JWK;

  const audience = `${app.origin}/${resource}`;
  const grantId = crypto.randomBytes(16).toString("base64url");
  const payload = { kind: "Grant", jti: "", accountId: userId, clientId: "bench-client", openid: { scope }, resources: { [audience]: scope } };
  await app.db.oAuthRecord.create({
    data: { kind: "Grant", idHash: crypto.createHash("sha256").update(grantId).digest("hex"), grantId, userId, payload: JSON.stringify(payload), expiresAt: new Date(Date.now() + 86_400_000) },
  });
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ client_id: "bench-client", gid: grantId, scope })
    .setProtectedHeader({ alg: "ES256", kid: row.kid, typ: "at+jwt" })
    .setIssuer(app.origin)
    .setAudience(audience)
    .setSubject(userId)
    .setJti(crypto.randomBytes(16).toString("base64url"))
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .sign(await importJWK(jwk, "ES256"));
}
