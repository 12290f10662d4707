import "server-only";
import crypto from "node:crypto";
import {
  consumeOAuthRecord,
  deleteOAuthRecord,
  deleteOAuthRecordsOfGrant,
  findOAuthRecord,
  findOAuthRecordBy,
  upsertOAuthRecord,
  type OAuthRecordRow,
} from "@/lib/db/queries/oauth";
import { sha256Hex } from "@/lib/auth/tokens";
import { env } from "@/lib/env";
import { noteRefreshTokenReuse } from "./manage";

type Payload = Record<string, unknown> & { jti?: string; grantId?: string; accountId?: string; uid?: string; userCode?: string };

// A device code found by its user code must be saved back to its own row (the user's answer), but only its
// hash is stored. Its jti then names the row's hash behind this prefix, which only writes accept: find()
// hashes whatever it is given, so presenting this string as a device code at the token endpoint finds nothing.
const STORED_HASH = "\u0000stored-hash:";

// A user code has about 34 bits (8 letters of 20), few enough that a plain hash in a copy of the database
// would give the code back within its 10 minutes; a key derived from AUTH_SECRET makes the stored value useless
// without the server's secret.
const userCodeKey = Buffer.from(crypto.hkdfSync("sha256", env.AUTH_SECRET, "keyline", "oauth device user code", 32));
// The one way a user code is stored and looked up (the adapter, and the device page's claim of a code).
export const userCodeHash = (userCode: string) => crypto.createHmac("sha256", userCodeKey).update(userCode).digest("hex");

function keyOf(id: string): string {
  return id.startsWith(STORED_HASH) ? id.slice(STORED_HASH.length) : sha256Hex(id);
}

// oidc-provider's storage interface, backed by Prisma (one table, lib/db/queries/oauth.ts). Every id
// is stored as its SHA-256, and the payload without its jti (for codes and refresh tokens the jti is
// the token itself); find() puts the id back from what it was asked for.
export class PrismaOAuthAdapter {
  constructor(private readonly kind: string) {}

  async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
    const stored: Payload = { ...payload };
    if ("jti" in stored) stored.jti = "";
    // A user code is a short secret too: kept only as its hash (findByUserCode puts it back).
    if (stored.userCode) stored.userCode = "";
    const grantId = this.kind === "Grant" ? id : (payload.grantId ?? null);
    await upsertOAuthRecord({
      kind: this.kind,
      idHash: keyOf(id),
      payload: JSON.stringify(stored),
      grantId,
      userId: typeof payload.accountId === "string" ? payload.accountId : null,
      uidHash: payload.uid ? sha256Hex(payload.uid) : null,
      userCode: payload.userCode ? userCodeHash(payload.userCode) : null,
      expiresAt: expiresIn ? new Date(Date.now() + expiresIn * 1000) : null,
    });
  }

  async find(id: string): Promise<Payload | undefined> {
    const row = await findOAuthRecord({ kind: this.kind, idHash: sha256Hex(id) });
    const payload = this.payloadOf(row, id);
    // A spent refresh token presented again: oidc-provider revokes the whole grant; the user's log says why.
    if (payload && row?.consumedAt && this.kind === "RefreshToken" && row.userId && payload.grantId) {
      await noteRefreshTokenReuse({ userId: row.userId, grantId: payload.grantId, clientId: String(payload.clientId ?? "") });
    }
    return payload;
  }

  async findByUid(uid: string): Promise<Payload | undefined> {
    const row = await findOAuthRecordBy({ kind: this.kind, uidHash: sha256Hex(uid) });
    return row ? this.payloadOf(row, null) : undefined;
  }

  async findByUserCode(userCode: string): Promise<Payload | undefined> {
    const row = await findOAuthRecordBy({ kind: this.kind, userCode: userCodeHash(userCode) });
    const payload = row ? this.payloadOf(row, `${STORED_HASH}${row.idHash}`) : undefined;
    return payload ? { ...payload, userCode } : undefined;
  }

  async consume(id: string): Promise<void> {
    await consumeOAuthRecord({ kind: this.kind, idHash: keyOf(id), at: new Date() });
  }

  async destroy(id: string): Promise<void> {
    await deleteOAuthRecord({ kind: this.kind, idHash: keyOf(id) });
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await deleteOAuthRecordsOfGrant({ kind: this.kind, grantId });
  }

  private payloadOf(row: OAuthRecordRow | null, id: string | null): Payload | undefined {
    if (!row) return undefined;
    // A device code past its life is still found: oidc-provider checks its expiry itself and tells the
    // polling client expired_token (RFC 8628) rather than an unknown code.
    if (row.expiresAt && row.expiresAt.getTime() <= Date.now() && this.kind !== "DeviceCode") return undefined;
    const payload = JSON.parse(row.payload) as Payload;
    // Found by uid, the id cannot be put back: only sessions are, and oidc-provider reads a session's id
    // from its own uid field, not the jti. Found by user code, see STORED_HASH.
    if ("jti" in payload && id !== null) payload.jti = id;
    if (row.consumedAt) payload.consumed = Math.floor(row.consumedAt.getTime() / 1000);
    return payload;
  }
}
