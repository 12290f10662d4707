import { beforeEach, describe, expect, it, vi } from "vitest";

// The storage adapter keeps no bearer secret raw: ids are stored as SHA-256, the payload without its jti.
const rows = new Map<string, { kind: string; idHash: string; payload: string; grantId: string | null; userId: string | null; userCode?: string | null; expiresAt: Date | null; consumedAt: Date | null }>();
const reuse = vi.fn();

vi.mock("@/lib/db/queries/oauth", () => ({
  upsertOAuthRecord: async (input: { kind: string; idHash: string; payload: string; grantId: string | null; userId: string | null; expiresAt: Date | null }) => {
    rows.set(`${input.kind}:${input.idHash}`, { ...input, consumedAt: rows.get(`${input.kind}:${input.idHash}`)?.consumedAt ?? null });
  },
  findOAuthRecord: async ({ kind, idHash }: { kind: string; idHash: string }) => rows.get(`${kind}:${idHash}`) ?? null,
  findOAuthRecordBy: async (where: { kind: string; userCode?: string }) =>
    [...rows.values()].find((row) => row.kind === where.kind && where.userCode !== undefined && row.userCode === where.userCode) ?? null,
  consumeOAuthRecord: async ({ kind, idHash, at }: { kind: string; idHash: string; at: Date }) => {
    const row = rows.get(`${kind}:${idHash}`);
    if (row) row.consumedAt = at;
  },
  deleteOAuthRecord: async ({ kind, idHash }: { kind: string; idHash: string }) => void rows.delete(`${kind}:${idHash}`),
  deleteOAuthRecordsOfGrant: async ({ kind, grantId }: { kind: string; grantId: string }) => {
    for (const [key, row] of rows) if (row.kind === kind && row.grantId === grantId) rows.delete(key);
  },
}));
vi.mock("@/lib/oauth/manage", () => ({ noteRefreshTokenReuse: reuse }));

const { PrismaOAuthAdapter, userCodeHash } = await import("@/lib/oauth/adapter");
const { sha256Hex } = await import("@/lib/auth/tokens");

describe("the oidc-provider storage adapter", () => {
  beforeEach(() => {
    rows.clear();
    reuse.mockClear();
  });

  it("stores a refresh token by its hash only and gives it back whole", async () => {
    const adapter = new PrismaOAuthAdapter("RefreshToken");
    const token = "rt-secret-value-0123456789abcdefghijklmnopqrstuvwx";
    await adapter.upsert(token, { jti: token, grantId: "g1", accountId: "u1", clientId: "c1", scope: "offline_access" }, 60);
    const stored = [...rows.values()][0]!;
    expect(stored.idHash).toBe(sha256Hex(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored).toMatchObject({ grantId: "g1", userId: "u1" });
    expect(await adapter.find(token)).toMatchObject({ jti: token, grantId: "g1", accountId: "u1" });
    expect(await adapter.find("some-other-token")).toBeUndefined();
  });

  it("marks consumption, and a spent refresh token found again is reported as reuse", async () => {
    const adapter = new PrismaOAuthAdapter("RefreshToken");
    await adapter.upsert("rt1-0123456789", { jti: "rt1-0123456789", grantId: "g1", accountId: "u1", clientId: "c1" }, 60);
    expect(reuse).not.toHaveBeenCalled();
    await adapter.consume("rt1-0123456789");
    expect((await adapter.find("rt1-0123456789"))?.consumed).toEqual(expect.any(Number));
    expect(reuse).toHaveBeenCalledWith({ userId: "u1", grantId: "g1", clientId: "c1" });
  });

  it("a grant is its own grantId, and revoking by grant is scoped to the adapter's kind", async () => {
    const grants = new PrismaOAuthAdapter("Grant");
    const codes = new PrismaOAuthAdapter("AuthorizationCode");
    await grants.upsert("g1", { jti: "g1", accountId: "u1", clientId: "c1" }, 60);
    await codes.upsert("code-1-0123456789", { jti: "code-1-0123456789", grantId: "g1", accountId: "u1" }, 60);
    expect([...rows.values()].map((row) => row.grantId)).toEqual(["g1", "g1"]);
    await codes.revokeByGrantId("g1");
    expect(await codes.find("code-1-0123456789")).toBeUndefined();
    expect(await grants.find("g1")).toMatchObject({ jti: "g1", accountId: "u1" });
  });

  it("an expired record is not found", async () => {
    const adapter = new PrismaOAuthAdapter("AuthorizationCode");
    await adapter.upsert("code-2-0123456789", { jti: "code-2-0123456789" }, 60);
    [...rows.values()][0]!.expiresAt = new Date(Date.now() - 1000);
    expect(await adapter.find("code-2-0123456789")).toBeUndefined();
  });

  it("a device code found by its user code is saved back to its own row, and the stand-in id redeems nothing", async () => {
    const adapter = new PrismaOAuthAdapter("DeviceCode");
    const deviceCode = "dc-secret-value-0123456789abcdefghijklmnopqrstuvwx";
    await adapter.upsert(deviceCode, { jti: deviceCode, userCode: "BCDFGHJK", clientId: "c1" }, 600);
    const stored = [...rows.values()][0]!;
    // Keyed with the server's secret: a plain hash of a 34-bit code is reversed in moments.
    expect(stored.userCode).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.userCode).not.toBe(sha256Hex("BCDFGHJK"));
    // The device page claims a code by the same hash (lib/oauth/device.ts): one function for both.
    expect(stored.userCode).toBe(userCodeHash("BCDFGHJK"));
    expect(JSON.stringify(stored)).not.toContain(deviceCode);
    expect(JSON.stringify(stored)).not.toContain("BCDFGHJK");

    const found = await adapter.findByUserCode("BCDFGHJK");
    expect(found?.jti).not.toBe(deviceCode);
    await adapter.upsert(found!.jti!, { ...found, accountId: "u1", grantId: "g1" }, 300);
    expect(rows.size).toBe(1);
    expect(await adapter.find(deviceCode)).toMatchObject({ jti: deviceCode, accountId: "u1", grantId: "g1" });
    // What a client might present at the token endpoint: hashed like any id, so it finds nothing.
    expect(await adapter.find(found!.jti!)).toBeUndefined();
  });
});
