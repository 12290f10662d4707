import { beforeAll, describe, expect, it } from "vitest";
import type * as Manage from "@/lib/admin/manage";
import type * as VerifyChain from "@/lib/admin/verify-chain";
import type { Db } from "@/lib/db/create-client";
import { useMigratedSqlite } from "./support/migrated-sqlite";

// Admin writes on a SQLite database migrated like the app's: each with its audit entry and security-log
// entry, the last-admin rules under concurrency, and the hash chain catching an edited row.
let db: Db;
let ops: typeof Manage;
let verify: typeof VerifyChain;

beforeAll(async () => {
  await useMigratedSqlite("admin");
  db = (await import("@/lib/db/client")).db;
  ops = await import("@/lib/admin/manage");
  verify = await import("@/lib/admin/verify-chain");
});

const unique = () => Math.random().toString(36).slice(2);
const request = { ip: "203.0.113.5", userAgent: "test" };

async function user(role: "admin" | "member", status = "active") {
  const row = await db.user.create({ data: { email: `${unique()}@example.test`, role, status } });
  return { ...row, actor: { id: row.id, email: row.email, request } };
}

async function withoutOtherAdmins() {
  await db.user.updateMany({ where: { role: "admin" }, data: { role: "member" } });
}

describe("admin operations", () => {
  it("suspend: the status, the reason, sessions ended, the user's own log entry and an audit entry, together", async () => {
    const admin = await user("admin");
    const member = await user("member");
    await db.session.create({ data: { sessionToken: unique(), userId: member.id, expires: new Date(Date.now() + 3_600_000) } });
    const updated = await ops.updateUserStanding(admin.actor, member.id, { status: "suspended", reason: "spam" });
    expect(updated).toMatchObject({ status: "suspended", suspendedReason: "spam" });
    expect(await db.session.count({ where: { userId: member.id } })).toBe(0);
    const events = await db.securityEvent.findMany({ where: { userId: member.id } });
    expect(events).toMatchObject([{ type: "admin_suspended", ip: null, userAgent: null, detail: { reason: "spam" } }]);
    const audit = await db.auditEntry.findFirst({ where: { targetId: member.id }, orderBy: { seq: "desc" } });
    expect(audit).toMatchObject({ action: "user.suspend", actorId: admin.id, actorEmail: admin.email, targetEmail: member.email, ip: request.ip });
    expect(JSON.parse(audit!.detail)).toEqual({ from: "active", reason: "spam" });
  });

  it("approve a pending user, reactivate a suspended one", async () => {
    const admin = await user("admin");
    const pending = await user("member", "pending");
    expect(await ops.updateUserStanding(admin.actor, pending.id, { status: "active" })).toMatchObject({ status: "active" });
    expect((await db.user.findUniqueOrThrow({ where: { id: pending.id } })).approvedAt).toBeInstanceOf(Date);
    const suspended = await user("member", "suspended");
    await ops.updateUserStanding(admin.actor, suspended.id, { status: "active" });
    const actions = await db.auditEntry.findMany({ where: { targetId: { in: [pending.id, suspended.id] } }, orderBy: { seq: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["user.approve", "user.reactivate"]);
  });

  it("an admin cannot suspend or delete themselves; the last active admin cannot be demoted", async () => {
    await withoutOtherAdmins();
    const admin = await user("admin");
    await expect(ops.updateUserStanding(admin.actor, admin.id, { status: "suspended", reason: "x" })).rejects.toMatchObject({ code: "forbidden:suspend_self" });
    await expect(ops.deleteUserAsAdmin(admin.actor, admin.id)).rejects.toMatchObject({ code: "forbidden:delete_self" });
    await expect(ops.updateUserStanding(admin.actor, admin.id, { role: "member" })).rejects.toMatchObject({ code: "conflict:last_admin" });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");
  });

  it("two admins demoting each other at once leave one admin", async () => {
    await withoutOtherAdmins();
    const a = await user("admin");
    const b = await user("admin");
    const results = await Promise.allSettled([
      ops.updateUserStanding(a.actor, b.id, { role: "member" }),
      ops.updateUserStanding(b.actor, a.id, { role: "member" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "conflict:last_admin" } });
    expect(await db.user.count({ where: { role: "admin", status: "active" } })).toBe(1);
  });

  it("concurrent admin writes keep one unbroken chain, and an edited row is named", async () => {
    const admin = await user("admin");
    const members = await Promise.all(Array.from({ length: 8 }, () => user("member")));
    await Promise.all(members.map((member) => ops.signOutUserEverywhere(admin.actor, member.id)));
    const intact = await verify.verifyAuditChain(db);
    expect(intact.broken).toBeNull();
    expect(intact.checked).toBe(await db.auditEntry.count());

    const victim = await db.auditEntry.findFirstOrThrow({ where: { targetId: members[3]!.id } });
    await db.auditEntry.update({ where: { seq: victim.seq }, data: { actorEmail: "someone-else@example.test" } });
    expect((await verify.verifyAuditChain(db)).broken).toEqual({ seq: victim.seq, problem: "hash" });
    await db.auditEntry.update({ where: { seq: victim.seq }, data: { actorEmail: victim.actorEmail } });
    expect((await verify.verifyAuditChain(db)).broken).toBeNull();

    await db.auditEntry.delete({ where: { seq: victim.seq } });
    expect((await verify.verifyAuditChain(db)).broken).toEqual({ seq: victim.seq + 1, problem: "gap" });
  });

  it("delete removes the user and their data, and the audit entry keeps the address", async () => {
    const admin = await user("admin");
    const member = await user("member");
    await db.thread.create({ data: { id: unique(), userId: member.id, title: "t", model: "demo" } });
    await ops.deleteUserAsAdmin(admin.actor, member.id);
    expect(await db.user.count({ where: { id: member.id } })).toBe(0);
    expect(await db.thread.count({ where: { userId: member.id } })).toBe(0);
    expect(await db.auditEntry.findFirst({ where: { targetId: member.id, action: "user.delete" } })).toMatchObject({ targetEmail: member.email });
  });
});
