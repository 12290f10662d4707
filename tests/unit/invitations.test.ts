import { beforeAll, describe, expect, it, vi } from "vitest";
import type * as Admission from "@/lib/auth/admission";
import type * as Invitations from "@/lib/admin/invitations";
import type * as VerifyChain from "@/lib/admin/verify-chain";
import type { Db } from "@/lib/db/create-client";
import { useMigratedSqlite } from "./support/migrated-sqlite";

// Invitations on a SQLite database migrated like the app's, in invite mode: only the token's hash is
// stored, an invitation admits exactly one account even when many sign-ups race for it, and expired or
// revoked ones admit nobody. (The e2e suite runs the race on PostgreSQL too.)
const mailed: { to: string; token: string }[] = [];
vi.mock("@/lib/mail/invitation", () => ({
  sendInvitationMail: async ({ to, token }: { to: string; token: string }) => {
    if (to.startsWith("bounce")) throw new Error("mailbox unavailable");
    mailed.push({ to, token });
  },
}));

let db: Db;
let invitations: typeof Invitations;
let admission: typeof Admission;
let verify: typeof VerifyChain;

beforeAll(async () => {
  await useMigratedSqlite("invitations");
  vi.stubEnv("SIGNUP", "invite");
  vi.stubEnv("ADMIN_EMAILS", "boss@example.test");
  vi.stubEnv("EMAIL_OUTBOX", "/tmp/unused-outbox");
  db = (await import("@/lib/db/client")).db;
  invitations = await import("@/lib/admin/invitations");
  admission = await import("@/lib/auth/admission");
  verify = await import("@/lib/admin/verify-chain");
});

const unique = () => Math.random().toString(36).slice(2);
const request = { ip: "203.0.113.7", userAgent: "test" };

async function adminActor() {
  const row = await db.user.create({ data: { email: `admin-${unique()}@example.test`, role: "admin", status: "active" } });
  return { id: row.id, email: row.email, request };
}

describe("invitations", () => {
  it("stores only the SHA-256 of a 256-bit token, expiring in 7 days, with an audit entry", async () => {
    const actor = await adminActor();
    const email = `ada-${unique()}@example.test`;
    const created = await invitations.createInvitation(actor, { email, role: "admin" });
    const { token } = mailed.find((mail) => mail.to === email)!;
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const row = await db.invitation.findUniqueOrThrow({ where: { id: created.id }, omit: { tokenHash: false } });
    expect(row.tokenHash).toBe((await import("@/lib/auth/tokens")).sha256Hex(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(7 * 24 * 3600 * 1000);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "invitation.create", targetEmail: email } });
    expect(audit).toMatchObject({ actorId: actor.id, targetId: null, ip: request.ip });
    expect(audit.detail).not.toContain(token);
  });

  it("refuses an address that has an account or a pending invitation; withdraws one whose mail failed", async () => {
    const actor = await adminActor();
    await expect(invitations.createInvitation(actor, { email: actor.email!, role: "member" })).rejects.toMatchObject({ code: "conflict:account_exists" });
    const email = `bob-${unique()}@example.test`;
    await invitations.createInvitation(actor, { email, role: "member" });
    await expect(invitations.createInvitation(actor, { email, role: "admin" })).rejects.toMatchObject({ code: "conflict:invitation_pending" });
    const bounce = `bounce-${unique()}@example.test`;
    await expect(invitations.createInvitation(actor, { email: bounce, role: "member" })).rejects.toMatchObject({ code: "unavailable:mail" });
    expect(await db.invitation.findFirstOrThrow({ where: { email: bounce } })).toMatchObject({ revokedAt: expect.any(Date) });
  });

  it("of ten simultaneous sign-ups with one invitation, one account is made and the invitation used once", async () => {
    const actor = await adminActor();
    const email = `race-${unique()}@example.test`;
    const invitation = await invitations.createInvitation(actor, { email, role: "admin" });
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => admission.admitNewUser({ email, emailVerified: new Date() })));
    const made = results.filter((result) => result.status === "fulfilled");
    expect(made).toHaveLength(1);
    expect(await db.user.count({ where: { email } })).toBe(1);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ role: "admin", status: "active" });
    expect(await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({ usedById: user.id, usedAt: expect.any(Date) });
    expect(await db.auditEntry.count({ where: { action: "invitation.use", targetEmail: email } })).toBe(1);
  });

  it("admits nobody with an expired or revoked invitation, and an uninvited address not at all (invite mode)", async () => {
    const actor = await adminActor();
    const expired = `expired-${unique()}@example.test`;
    const made = await invitations.createInvitation(actor, { email: expired, role: "member" });
    await db.invitation.update({ where: { id: made.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(admission.admitNewUser({ email: expired })).rejects.toThrow();
    const revoked = `revoked-${unique()}@example.test`;
    const second = await invitations.createInvitation(actor, { email: revoked, role: "member" });
    expect(await invitations.revokeInvitation(actor, second.id)).toMatchObject({ revokedAt: expect.any(Date) });
    await expect(admission.admitNewUser({ email: revoked })).rejects.toThrow();
    expect((await admission.mayCreateAccount(revoked)).allowed).toBe(false);
    await expect(admission.admitNewUser({ email: `nobody-${unique()}@example.test` })).rejects.toThrow();
    expect(await db.user.count({ where: { email: { in: [expired, revoked] } } })).toBe(0);
  });

  it("revoking: a used invitation cannot be, a revoked one stays as it was, an unknown id is not found", async () => {
    const actor = await adminActor();
    const email = `used-${unique()}@example.test`;
    const made = await invitations.createInvitation(actor, { email, role: "member" });
    expect((await admission.mayCreateAccount(email)).allowed).toBe(true);
    await admission.admitNewUser({ email });
    await expect(invitations.revokeInvitation(actor, made.id)).rejects.toMatchObject({ code: "conflict:invitation_used" });
    await expect(invitations.revokeInvitation(actor, "no-such-id")).rejects.toMatchObject({ code: "not_found:invitation" });
    const other = await invitations.createInvitation(actor, { email: `again-${unique()}@example.test`, role: "member" });
    await invitations.revokeInvitation(actor, other.id);
    const before = await db.auditEntry.count();
    await invitations.revokeInvitation(actor, other.id);
    expect(await db.auditEntry.count()).toBe(before);
  });

  it("keeps the audit chain whole", async () => {
    expect((await verify.verifyAuditChain(db)).broken).toBeNull();
  });
});
