"use server";

import { revalidatePath } from "next/cache";
import { done, sessionFormAction } from "@/lib/http/server-action";
import { revokeConnectedApp } from "@/lib/oauth/manage";
import { revokeConnectedAppInput } from "@/lib/validations/oauth";

export const revokeConnectedAppAction = sessionFormAction({ schema: revokeConnectedAppInput }, async ({ grantId }, { user, request }) => {
  await revokeConnectedApp({ userId: user.id, grantId, request });
  revalidatePath("/settings/security");
  return done(undefined, "App disconnected.");
});
