import type { ReactNode } from "react";
import { ChatShell } from "@/components/chat/chat-shell";
import { requireUser } from "@/lib/auth/guard";
import { toApiThread } from "@/lib/chat/serialize";
import { listThreads } from "@/lib/db/queries/threads";
import { signOutAction } from "../(auth)/actions";
import { deleteThreadAction, renameThreadAction } from "./chat/actions";
import "./chat.css";

export default async function ChatLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const page = await listThreads({ userId: user.id, cursor: null });
  return (
    <ChatShell
      email={user.email}
      signOut={signOutAction}
      actions={{ rename: renameThreadAction, remove: deleteThreadAction }}
      initialThreads={{ threads: page.threads.map(toApiThread), nextCursor: page.nextCursor }}
    >
      {children}
    </ChatShell>
  );
}
