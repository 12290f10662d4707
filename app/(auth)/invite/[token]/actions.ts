"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { startInvitationSignIn } from "@/lib/auth/invitation-sign-in";
import { requestInfoFrom } from "@/lib/http/request-info";
import { publicFormPost } from "@/lib/http/server-action";
import { invitationAccept } from "@/lib/validations/auth";

// Public by design: the invited person has no account yet. Only the token comes in; the address the link
// goes to is the invitation's own.
export const acceptInvitation = publicFormPost({ schema: invitationAccept, onFailure: "/login/error?error=InvitationUnusable" }, async ({ token }) => {
  await startInvitationSignIn(token, requestInfoFrom(await headers()));
  redirect("/login/check-email");
});
