import "server-only";
import type { RequestInfo } from "@/lib/http/request-info";
import { clientLimitKey } from "@/lib/rate-limit/client-key";
import { consumeRateLimit } from "@/lib/rate-limit/limiter";
import { audited } from "./audited";

// Sign-in refusals an operator should see in the audit trail: a sign-up the policy refused, a suspended
// account trying to get in. Every caller runs behind the per-IP sign-in limit (lib/auth/route-handlers.ts,
// the sign-in form, the passkey sign-in route), and on top of it one entry per address (or client, when
// there is no address) and reason per 15 minutes, so nobody can grow the chain cheaply. No secrets: the
// address, the way in and the client's address and browser. A failure here never changes the refusal.
export type SignInRefusal = {
  action: "sign_in.sign_up_refused" | "sign_in.suspended";
  user?: { id: string; email: string | null } | null;
  email: string | null;
  provider: string;
  reason: string;
  request: RequestInfo;
};

export async function auditSignInRefusal(refusal: SignInRefusal): Promise<void> {
  try {
    const who = refusal.user?.id ?? refusal.email ?? clientLimitKey(refusal.request.ip);
    const slot = await consumeRateLimit("audit_refusal", `${refusal.action}:${refusal.reason}:${who}`);
    if (!slot.allowed) return;
    await audited(async () => ({
      result: null,
      audit: [
        {
          action: refusal.action,
          actor: null,
          target: { id: refusal.user?.id ?? null, email: refusal.user?.email ?? refusal.email },
          request: { ip: refusal.request.ip, userAgent: refusal.request.userAgent },
          detail: { provider: refusal.provider, reason: refusal.reason },
        },
      ],
    }));
  } catch (error) {
    console.error("[admin] sign-in refusal not audited:", error instanceof Error ? error.message : error);
  }
}
