import "server-only";
import { env } from "@/lib/env";
import { sendMail } from "./transport";

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

// The link opens a page of ours that only offers to mail a sign-in link to the invited address: following
// it (a mail scanner, or someone the mail was forwarded to) signs nobody in and uses nothing up.
export function invitationUrl(token: string): string {
  return new URL(`/invite/${token}`, env.AUTH_URL).toString();
}

export async function sendInvitationMail({ to, token, role, invitedBy, expires }: { to: string; token: string; role: string; invitedBy: string | null; expires: Date }) {
  const link = invitationUrl(token);
  const host = new URL(env.AUTH_URL).host;
  const who = invitedBy ? `${invitedBy} invited you` : "You are invited";
  const as = role === "admin" ? "an admin" : "a member";
  await sendMail({
    to,
    subject: `You're invited to Keyline (${host})`,
    text: `${who} to Keyline at ${host}, as ${as}.\n\nAccept the invitation:\n${link}\n\nThe link works once and expires on ${expires.toUTCString()}. You will sign in with this address (${to}).\nIf you did not expect it, ignore this mail.\n`,
    html: `<p>${escapeHtml(who)} to Keyline at <strong>${escapeHtml(host)}</strong>, as ${as}.</p>
<p><a href="${escapeHtml(link)}">Accept the invitation</a></p>
<p>The link works once and expires on ${escapeHtml(expires.toUTCString())}. You will sign in with this address (${escapeHtml(to)}). If you did not expect it, ignore this mail.</p>`,
  });
}
