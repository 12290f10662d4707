"use server";

import { signOut } from "@/lib/auth/config";
import { getCurrentSession } from "@/lib/auth/guard";
import { recordSecurityEvent } from "@/lib/db/queries/security-events";

export async function signOutAction(): Promise<void> {
  const current = await getCurrentSession();
  if (current) await recordSecurityEvent({ userId: current.user.id, type: "sign_out" });
  await signOut({ redirectTo: "/login" });
}
