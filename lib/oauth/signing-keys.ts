import "server-only";
import crypto from "node:crypto";
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from "jose";
import { createSigningKey, findSigningKey, listSigningKeys, retireSigningKeysCreatedBefore, retireSigningKeysExcept } from "@/lib/db/queries/oauth";
import { env } from "@/lib/env";

// The authorization server's signing keys live in the database, so every instance signs and verifies
// with the same ones. ES256: small signatures, supported by every JOSE library a resource might use.
export const SIGNING_ALG = "ES256";

// A retired key stays published (and accepted) until the last token it signed has expired, plus skew.
export const RETIRED_KEY_GRACE_MS = env.OAUTH_ACCESS_TOKEN_TTL + 60_000;

// The private key is encrypted at rest with a key derived from AUTH_SECRET: a database dump alone signs nothing.
const encryptionKey = Buffer.from(crypto.hkdfSync("sha256", env.AUTH_SECRET, "keyline", "oauth signing key encryption", 32));

function seal(plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", encryptionKey, iv);
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url");
}

function open(sealed: string): string {
  const raw = Buffer.from(sealed, "base64url");
  const decipher = crypto.createDecipheriv("aes-256-gcm", encryptionKey, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

async function newSigningKey(now: Date): Promise<string> {
  const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const kid = crypto.randomBytes(16).toString("base64url");
  const meta = { kid, alg: SIGNING_ALG, use: "sig" };
  await createSigningKey({
    kid,
    alg: SIGNING_ALG,
    publicJwk: JSON.stringify({ ...(await exportJWK(publicKey)), ...meta }),
    privateJwk: seal(JSON.stringify({ ...(await exportJWK(privateKey)), ...meta })),
    createdAt: now,
  });
  return kid;
}

// The private JWKs oidc-provider is built with: the current key first (it signs with the first that
// fits), then retired keys still in their grace (published in the JWKS only). The first instance to start
// makes the first key.
export async function loadSigningJwks(now = new Date()): Promise<JWK[]> {
  let rows = await listSigningKeys({ retiredAfter: new Date(now.getTime() - RETIRED_KEY_GRACE_MS) });
  if (await rotateIfDue(rows, now)) rows = await listSigningKeys({ retiredAfter: new Date(now.getTime() - RETIRED_KEY_GRACE_MS) });
  if (!rows.some((row) => row.retiredAt === null)) {
    // Two instances starting together may each make one: both are published, and both sign with the newest.
    await newSigningKey(now);
    rows = await listSigningKeys({ retiredAfter: new Date(now.getTime() - RETIRED_KEY_GRACE_MS) });
  }
  const ordered = [...rows.filter((row) => row.retiredAt === null), ...rows.filter((row) => row.retiredAt !== null)];
  return ordered.map((row) => JSON.parse(open(row.privateJwk)) as JWK);
}

// Rotation: a new current key; the old ones are retired and kept for their grace.
export async function rotateSigningKey(now = new Date()): Promise<string> {
  const kid = await newSigningKey(now);
  await retireSigningKeysExcept({ kid, at: now });
  return kid;
}

// Scheduled rotation (OAUTH_KEY_ROTATION_DAYS), checked whenever an instance reloads its keys (every minute,
// lib/oauth/provider.ts). Retiring is the claim: of instances noticing together, the one whose update
// retired the old keys makes the new one; the others find it on their next reload.
async function rotateIfDue(rows: { retiredAt: Date | null; createdAt: Date }[], now: Date): Promise<boolean> {
  if (env.OAUTH_KEY_ROTATION_DAYS === 0) return false;
  const before = new Date(now.getTime() - env.OAUTH_KEY_ROTATION_DAYS * 86_400_000);
  if (!rows.some((row) => row.retiredAt === null && row.createdAt < before)) return false;
  if ((await retireSigningKeysCreatedBefore({ before, at: now })) === 0) return false;
  await newSigningKey(now);
  return true;
}

const CACHE_MS = 60_000;
const verifyKeys = new Map<string, { key: CryptoKey | Uint8Array; retiredAt: Date | null; loadedAt: number }>();

// A public key for verifying a token's signature, by its kid: unknown kids, other algorithms and keys
// retired past their grace give null. Cached for a minute (a new key elsewhere is a cache miss).
export async function verificationKey(kid: string, now = new Date()): Promise<CryptoKey | Uint8Array | null> {
  let entry = verifyKeys.get(kid);
  if (!entry || now.getTime() - entry.loadedAt > CACHE_MS) {
    const row = await findSigningKey({ kid });
    if (!row || row.alg !== SIGNING_ALG) return null;
    entry = { key: await importJWK(JSON.parse(row.publicJwk) as JWK, SIGNING_ALG), retiredAt: row.retiredAt, loadedAt: now.getTime() };
    verifyKeys.set(kid, entry);
  }
  if (entry.retiredAt && now.getTime() - entry.retiredAt.getTime() > RETIRED_KEY_GRACE_MS) return null;
  return entry.key;
}
