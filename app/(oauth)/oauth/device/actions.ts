"use server";

import { done, sessionFormAction } from "@/lib/http/server-action";
import { answerDeviceCode, lookupDeviceCode } from "@/lib/oauth/device";
import { SCOPE_WORDS } from "@/lib/oauth/scopes";
import { deviceAnswerInput, deviceCodeInput } from "@/lib/validations/oauth";

// The code a CLI showed, typed by the signed-in user: what the CLI asks for, to show before Allow / Deny.
export const lookupDeviceCodeAction = sessionFormAction({ schema: deviceCodeInput }, async ({ userCode }, { user, request }) => {
  const view = await lookupDeviceCode({ userCode, userId: user.id, request });
  return done({ ...view, scopeWords: view.scopes.map((scope) => ({ scope, words: SCOPE_WORDS[scope] ?? scope })) });
});

// Allow or Deny: the CLI's next poll gets its tokens, or access_denied.
export const answerDeviceCodeAction = sessionFormAction({ schema: deviceAnswerInput }, async ({ userCode, decision }, { user, request }) => {
  await answerDeviceCode({ userCode, userId: user.id, allow: decision === "allow", request });
  return done({ allowed: decision === "allow" });
});
