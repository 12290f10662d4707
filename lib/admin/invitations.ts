import "server-only";
import type { Role } from "@/lib/auth/roles";
import { generateToken, sha256Hex } from "@/lib/auth/tokens";
import { invitationFields } from "@/lib/db/queries/invitations";
import { AppError } from "@/lib/errors";
import { sendInvitationMail } from "@/lib/mail/invitation";
import { isMailConfigured } from "@/lib/mail/transport";
import { audited, type AuditInput } from "./audited";
import { INVITATION_TTL_MS, invitationStatus } from "./invitation-status";
import type { Actor } from "./manage";

// Invitations as admin writes (lib/admin/manage.ts style): each change and its audit entry in one
// transaction. The audit chain's head serialises admin writes, so "no account and no pending invitation
// for this address" holds when the new row commits. Using an invitation is lib/auth/admission.ts.

type Invitation = { id: string; email: string; role: string; expiresAt: Date };

const entry = (actor: Actor, invitation: Invitation, action: string, detail: AuditInput["detail"] = {}): AuditInput => ({
  action,
  actor: { id: actor.id, email: actor.email },
  target: { id: null, email: invitation.email },
  request: actor.request,
  detail: { invitation: invitation.id, role: invitation.role, ...detail },
});

const notFound = () => new AppError("not_found:invitation", "No such invitation.");

export async function createInvitation(actor: Actor, input: { email: string; role: Role }) {
  if (!isMailConfigured()) throw new AppError("unavailable:mail", "Invitations are sent by email, and email is not configured on this server (EMAIL_SERVER).");
  const token = generateToken();
  const invitation = await audited(async (tx) => {
    const now = new Date();
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new AppError("conflict:account_exists", `${input.email} already has an account. Change their role on their user page instead.`);
    }
    const pending = await tx.invitation.findFirst({ where: { email: input.email, usedAt: null, revokedAt: null, expiresAt: { gt: now } }, select: { id: true } });
    if (pending) throw new AppError("conflict:invitation_pending", `${input.email} already has a pending invitation. Revoke it to send a new one.`);
    const row = await tx.invitation.create({
      data: {
        email: input.email,
        role: input.role,
        tokenHash: sha256Hex(token),
        invitedById: actor.id,
        invitedByEmail: actor.email,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      },
      select: invitationFields,
    });
    return { result: row, audit: [entry(actor, row, "invitation.create", { expiresAt: row.expiresAt.toISOString() })] };
  });
  // After the commit: a mail must not hold the transaction open. An invitation nobody received is withdrawn,
  // since its token exists nowhere else.
  try {
    await sendInvitationMail({ to: invitation.email, token, role: input.role, invitedBy: actor.email, expires: invitation.expiresAt });
  } catch (error) {
    console.error("[admin] invitation mail not sent:", error instanceof Error ? error.message : error);
    await revoke(actor, invitation.id, "mail_failed").catch(() => {});
    throw new AppError("unavailable:mail", "The invitation could not be mailed, so it was withdrawn. Try again in a minute.");
  }
  return invitation;
}

export async function revokeInvitation(actor: Actor, invitationId: string) {
  return revoke(actor, invitationId, "admin");
}

// Pending or expired: revoked (an expired link is dead anyway, but the list then says what the admin did).
// Revoked already: nothing changes. Used: too late, the account exists.
async function revoke(actor: Actor, invitationId: string, reason: "admin" | "mail_failed") {
  return audited(async (tx) => {
    const row = await tx.invitation.findUnique({ where: { id: invitationId }, select: invitationFields });
    if (!row) throw notFound();
    const status = invitationStatus(row);
    if (status === "revoked") return { result: row, audit: [] };
    if (status === "used") throw new AppError("conflict:invitation_used", "This invitation was already used: the account exists. Manage it on its user page.");
    // Conditional, like its use (lib/db/queries/invitations.ts): of a revocation and a sign-up at once, one wins.
    const { count } = await tx.invitation.updateMany({ where: { id: row.id, usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count !== 1) throw new AppError("conflict:invitation_used", "This invitation was just used: the account exists. Manage it on its user page.");
    const updated = await tx.invitation.findUniqueOrThrow({ where: { id: row.id }, select: invitationFields });
    return { result: updated, audit: [entry(actor, row, "invitation.revoke", { was: status, reason })] };
  });
}
