"use server";

import { deleteOwnThread, renameOwnThread } from "@/lib/chat/threads";
import { done, sessionAction } from "@/lib/http/server-action";
import { deleteThreadInput, renameThreadInput } from "@/lib/validations/threads";

export const renameThreadAction = sessionAction({ schema: renameThreadInput }, async ({ id, title }, { user }) =>
  done(await renameOwnThread({ userId: user.id, id, title })),
);

export const deleteThreadAction = sessionAction({ schema: deleteThreadInput }, async ({ id }, { user }) => {
  await deleteOwnThread({ userId: user.id, id });
  return done({ id });
});
