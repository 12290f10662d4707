import "server-only";
import { cookies } from "next/headers";
import { auditSignInRefusal } from "@/lib/admin/sign-in-refusals";
import type { z } from "zod";
import { sessionCookieName, startSession, type SessionCookie } from "@/lib/auth/session-cookie";
import { recordSignIn } from "@/lib/auth/record-sign-in";
import { statusOf } from "@/lib/auth/roles";
import { suspendedMessage } from "@/lib/auth/suspended-message";
import { recordSecurityEvent } from "@/lib/db/queries/security-events";
import { findUserStanding } from "@/lib/db/queries/users";
import { AppError } from "@/lib/errors";
import type { RequestInfo } from "@/lib/http/request-info";
import type { authenticationResponse } from "@/lib/validations/passkeys";
import { completeAuthentication } from "./authentication";

// A verified assertion becomes a normal database session (method "passkey") and the Auth.js cookie.
export async function signInWithPasskey(input: {
  response: z.infer<typeof authenticationResponse>;
  request: RequestInfo;
}): Promise<SessionCookie> {
  const { userId, passkeyId } = await completeAuthentication(input);
  const suspended = await findUserStanding({ userId });
  if (suspended && statusOf(suspended.status) === "suspended") {
    await recordSecurityEvent({ userId, type: "sign_in_failed", request: input.request, detail: { method: "passkey", reason: "suspended" } });
    await auditSignInRefusal({ action: "sign_in.suspended", user: { id: userId, email: suspended.email }, email: suspended.email, provider: "passkey", reason: "suspended", request: input.request });
    throw new AppError("forbidden:suspended", suspendedMessage(suspended.suspendedReason));
  }
  // The new cookie replaces this browser's old one (e.g. when re-verifying before a security change).
  const previous = (await cookies()).get(sessionCookieName)?.value ?? null;
  const cookie = await startSession({ userId, ip: input.request.ip, userAgent: input.request.userAgent, method: "passkey", replacing: previous });
  await recordSignIn({ userId, method: "passkey", request: input.request, detail: { passkeyId } });
  return cookie;
}
