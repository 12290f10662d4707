import { domainMatches, emailListed, type DomainPattern } from "./email-domains";
import type { Role, UserStatus } from "./roles";

// Who may create an account, and as what. Pure: lib/auth/admission.ts gathers the facts and applies the
// answer for every way in (magic link, Google, GitHub, OIDC).
//
// `email` is an address the way in has verified (the magic link proved it; an OAuth profile carries an email
// only when the provider asserted it verified: lib/auth/provider-identity.ts), or null.

export type SignUpMode = "open" | "approval" | "invite";

export type SignUpPolicy = {
  mode: SignUpMode;
  domains: readonly DomainPattern[];
  adminEmails: readonly string[];
};

export type SignUpDecision =
  | { allowed: true; role: Role; status: Extract<UserStatus, "active" | "pending">; because: SignUpReason }
  | { allowed: false };

export type SignUpReason = "admin_email" | "first_account" | "invitation" | "domain" | "open" | "approval";

// `invitation`: a live invitation for this address (lib/db/queries/invitations.ts). It is an admin's decision,
// so in every mode it admits the address as active, with the role the admin chose.
export function decideSignUp(
  policy: SignUpPolicy,
  facts: { email: string | null; firstAccount: boolean; invitation?: { role: Role } | null },
): SignUpDecision {
  if (emailListed(facts.email, policy.adminEmails)) return { allowed: true, role: "admin", status: "active", because: "admin_email" };
  // Without ADMIN_EMAILS someone must be able to run the place: the first account (Open WebUI does the same).
  if (policy.adminEmails.length === 0 && facts.firstAccount) return { allowed: true, role: "admin", status: "active", because: "first_account" };
  if (facts.email && facts.invitation) return { allowed: true, role: facts.invitation.role, status: "active", because: "invitation" };
  if (domainMatches(facts.email, policy.domains)) return { allowed: true, role: "member", status: "active", because: "domain" };
  if (policy.mode === "open") return { allowed: true, role: "member", status: "active", because: "open" };
  if (policy.mode === "approval") return { allowed: true, role: "member", status: "pending", because: "approval" };
  return { allowed: false };
}
