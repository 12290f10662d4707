"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { signOut } from "@/lib/auth/config";
import { done, sessionFormAction } from "@/lib/http/server-action";
import { revokeAllSessions, revokeOtherSessions, revokeOwnSession } from "@/lib/sessions/manage";
import { revokeSessionInput } from "@/lib/validations/sessions";

const PAGE = "/settings/security";
const noInput = z.object({});

export const revokeSession = sessionFormAction({ schema: revokeSessionInput }, async ({ sessionId }, { user, sessionId: current, request }) => {
  await revokeOwnSession({ userId: user.id, id: sessionId, request });
  if (sessionId === current) await signOut({ redirectTo: "/login" });
  revalidatePath(PAGE);
  return done(undefined, "Session signed out.");
});

export const signOutOtherSessions = sessionFormAction({ schema: noInput }, async (_input, { user, sessionId, request }) => {
  const count = await revokeOtherSessions({ userId: user.id, currentSessionId: sessionId, request });
  revalidatePath(PAGE);
  return done(undefined, count === 1 ? "Signed out 1 other session." : `Signed out ${count} other sessions.`);
});

export const signOutEverywhere = sessionFormAction({ schema: noInput }, async (_input, { user, request }) => {
  await revokeAllSessions({ userId: user.id, request });
  await signOut({ redirectTo: "/login" });
  return done();
});
