"use server";

import { done, sessionFormAction } from "@/lib/http/server-action";
import { answerConsent } from "@/lib/oauth/consent";
import { consentInput } from "@/lib/validations/oauth";

// Allow or Deny on the consent page; the browser then goes back to the authorization server.
export const answerConsentAction = sessionFormAction({ schema: consentInput }, async ({ uid, decision }, { user, request }) => {
  const returnTo = await answerConsent({ uid, userId: user.id, allow: decision === "allow", request });
  return done({ returnTo });
});
