"use server";

import { z } from "zod";
import { signOut } from "@/lib/auth/config";
import { done, sessionFormAction } from "@/lib/http/server-action";
import { recordSignOut } from "@/lib/sessions/manage";

export const signOutAction = sessionFormAction({ schema: z.object({}) }, async (_input, { user, request }) => {
  await recordSignOut({ userId: user.id, request });
  await signOut({ redirectTo: "/login" });
  return done();
});
