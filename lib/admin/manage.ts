import "server-only";
import { roleOf, statusOf, type Role } from "@/lib/auth/roles";
import { recordSecurityEvent } from "@/lib/db/queries/security-events";
import { audited, type AuditInput } from "./audited";
import { AppError } from "@/lib/errors";
import type { RequestInfo } from "@/lib/http/request-info";

// Every admin write: the change, its audit entry and the affected user's own security-log entry, in one
// transaction (lib/admin/audited.ts). The last-admin rules are checked inside it, where a concurrent admin
// write makes this one run again.

export type Actor = { id: string; email: string | null; request: RequestInfo };
type Tx = Parameters<Parameters<typeof audited>[0]>[0];

export type UserPatch = { role?: Role; status?: "active" | "suspended"; reason?: string; tokenBudget?: string | null };

const notFound = () => new AppError("not_found:user", "No such user.");

async function loadTarget(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true, status: true, tokenBudget: true } });
  if (!user) throw notFound();
  return user;
}

async function assertNotLastActiveAdmin(tx: Tx, target: { role: string; status: string }, what: string) {
  if (roleOf(target.role) !== "admin" || statusOf(target.status) !== "active") return;
  const admins = await tx.user.count({ where: { role: "admin", status: "active" } });
  if (admins <= 1) throw new AppError("conflict:last_admin", `This is the last active admin, who cannot be ${what}. Make someone else an admin first.`);
}

const entry = (actor: Actor, target: { id: string; email: string | null }, action: string, detail?: AuditInput["detail"]): AuditInput => ({
  action,
  actor: { id: actor.id, email: actor.email },
  target,
  request: actor.request,
  detail,
});

export async function updateUserStanding(actor: Actor, userId: string, patch: UserPatch) {
  return audited(async (tx) => {
    const target = await loadTarget(tx, userId);
    const audit: AuditInput[] = [];
    const from = statusOf(target.status);
    if (patch.status === "suspended" && from !== "suspended") {
      if (target.id === actor.id) throw new AppError("forbidden:suspend_self", "You cannot suspend your own account.");
      await assertNotLastActiveAdmin(tx, target, "suspended");
      const reason = patch.reason ?? "";
      await tx.user.update({ where: { id: target.id }, data: { status: "suspended", suspendedReason: reason || null } });
      // Sessions would be refused on their next use anyway (the lookup reads the status); ending them now
      // also empties the user's session list.
      await tx.session.deleteMany({ where: { userId: target.id } });
      await recordSecurityEvent({ userId: target.id, type: "admin_suspended", detail: { reason: reason || null } }, tx);
      audit.push(entry(actor, target, "user.suspend", { from, reason: reason || null }));
    } else if (patch.status === "active" && from !== "active") {
      await tx.user.update({
        where: { id: target.id },
        data: { status: "active", suspendedReason: null, ...(from === "pending" ? { approvedAt: new Date() } : {}) },
      });
      const approved = from === "pending";
      await recordSecurityEvent({ userId: target.id, type: approved ? "admin_approved" : "admin_reactivated" }, tx);
      audit.push(entry(actor, target, approved ? "user.approve" : "user.reactivate", { from }));
    }
    if (patch.role && patch.role !== roleOf(target.role)) {
      if (patch.role === "member") await assertNotLastActiveAdmin(tx, { role: target.role, status: patch.status ?? target.status }, "demoted");
      await tx.user.update({ where: { id: target.id }, data: { role: patch.role } });
      await recordSecurityEvent({ userId: target.id, type: "admin_role_changed", detail: { role: patch.role } }, tx);
      audit.push(entry(actor, target, "user.role", { from: roleOf(target.role), to: patch.role }));
    }
    if (patch.tokenBudget !== undefined && patch.tokenBudget !== target.tokenBudget) {
      // Counts from the next request on every instance: the budget check reads it with the credential.
      await tx.user.update({ where: { id: target.id }, data: { tokenBudget: patch.tokenBudget } });
      const budget = patch.tokenBudget ?? "default";
      await recordSecurityEvent({ userId: target.id, type: "admin_budget_changed", detail: { budget } }, tx);
      audit.push(entry(actor, target, "user.budget", { from: target.tokenBudget ?? "default", to: budget }));
    }
    const user = await tx.user.findUniqueOrThrow({ where: { id: target.id } });
    return { result: user, audit };
  });
}

export async function signOutUserEverywhere(actor: Actor, userId: string) {
  return audited(async (tx) => {
    const target = await loadTarget(tx, userId);
    const { count } = await tx.session.deleteMany({ where: { userId: target.id } });
    await recordSecurityEvent({ userId: target.id, type: "admin_signed_out", detail: { sessions: count } }, tx);
    return { result: { sessionsEnded: count }, audit: [entry(actor, target, "user.sign_out", { sessions: count })] };
  });
}

// As account deletion does (lib/db/queries/account.ts): cascades take the user's data, and pending magic
// links for the address go too. The audit entry keeps the address, since the row it named is gone.
export async function deleteUserAsAdmin(actor: Actor, userId: string) {
  return audited(async (tx) => {
    const target = await loadTarget(tx, userId);
    if (target.id === actor.id) throw new AppError("forbidden:delete_self", "Delete your own account from Settings → Account.");
    await assertNotLastActiveAdmin(tx, target, "deleted");
    if (target.email) await tx.verificationToken.deleteMany({ where: { identifier: target.email } });
    await tx.user.delete({ where: { id: target.id } });
    return { result: { deleted: true }, audit: [entry(actor, target, "user.delete", { role: roleOf(target.role), status: statusOf(target.status) })] };
  });
}

// Deleting one's own account (Settings → Account) must not leave the deployment without an active admin.
// (A check, not a lock: a concurrent demotion could still race it; the admin API's own paths are serialised.)
export async function assertMayDeleteOwnAccount(userId: string) {
  await audited(async (tx) => {
    await assertNotLastActiveAdmin(tx, await loadTarget(tx, userId), "deleted");
    return { result: null, audit: [] };
  });
}
