"use server";

import { signOut } from "@/lib/auth/config";
import { done, sessionFormAction } from "@/lib/http/server-action";
import { deleteOwnAccount } from "@/lib/user-data/manage";
import { deleteAccountRequest } from "@/lib/validations/account-deletion";

export const deleteAccount = sessionFormAction(
  { schema: deleteAccountRequest, recentSignIn: { returnTo: "/settings/account" }, allowPending: true },
  async (_input, { user }) => {
    await deleteOwnAccount({ userId: user.id });
    await signOut({ redirectTo: "/login?deleted=1" });
    return done();
  },
);
