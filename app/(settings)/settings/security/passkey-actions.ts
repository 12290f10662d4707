"use server";

import { revalidatePath } from "next/cache";
import { done, sessionFormAction } from "@/lib/http/server-action";
import { removeOwnPasskey, renameOwnPasskey } from "@/lib/passkeys/manage";
import { deletePasskeyInput, renamePasskeyInput } from "@/lib/validations/passkeys";

const PAGE = "/settings/security";

export const renamePasskeyAction = sessionFormAction({ schema: renamePasskeyInput }, async ({ id, name }, { user, request }) => {
  await renameOwnPasskey({ userId: user.id, id, name, request });
  revalidatePath(PAGE);
  return done(undefined, `Renamed to “${name}”.`);
});

export const deletePasskeyAction = sessionFormAction(
  { schema: deletePasskeyInput, recentSignIn: { returnTo: PAGE } },
  async ({ id }, { user, request }) => {
    const { name } = await removeOwnPasskey({ userId: user.id, id, request });
    revalidatePath(PAGE);
    return done(undefined, `Removed “${name}”.`);
  },
);
