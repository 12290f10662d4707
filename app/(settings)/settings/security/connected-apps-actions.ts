"use server";

import { revalidatePath } from "next/cache";
import { done, sessionFormAction } from "@/lib/http/server-action";
import { revokeAllConnectedApps, revokeConnectedApp } from "@/lib/oauth/manage";
import { revokeAllConnectedAppsInput, revokeConnectedAppInput } from "@/lib/validations/oauth";

export const revokeConnectedAppAction = sessionFormAction({ schema: revokeConnectedAppInput }, async ({ grantId }, { user, request }) => {
  await revokeConnectedApp({ userId: user.id, grantId, request });
  revalidatePath("/settings/security");
  return done(undefined, "App disconnected.");
});

export const revokeAllConnectedAppsAction = sessionFormAction({ schema: revokeAllConnectedAppsInput }, async (_input, { user, request }) => {
  const revoked = await revokeAllConnectedApps({ userId: user.id, request });
  revalidatePath("/settings/security");
  return done(undefined, revoked === 1 ? "1 app disconnected." : `${revoked} apps disconnected.`);
});
