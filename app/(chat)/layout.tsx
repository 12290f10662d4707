import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ChatShell } from "@/components/chat/chat-shell";
import { accountLabel } from "@/lib/auth/account-label";
import { requireUser } from "@/lib/auth/guard";
import { toApiThread } from "@/lib/chat/serialize";
import { listOwnThreads } from "@/lib/chat/threads";
import { signOutAction } from "../(auth)/actions";
import { deleteThreadAction, renameThreadAction } from "./chat/actions";
import "./chat.css";

// With "no-referrer", Chrome sends `Origin: null` on a form posted before the page hydrates and Next.js
// fails the server action (Sign out) with a 500. "same-origin" still sends nothing to other sites, so
// thread addresses never leak through links in replies.
export const metadata: Metadata = { referrer: "same-origin" };

export default async function ChatLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const page = await listOwnThreads({ userId: user.id });
  return (
    <ChatShell
      accountLabel={accountLabel(user)}
      signOut={signOutAction}
      actions={{ rename: renameThreadAction, remove: deleteThreadAction }}
      initialThreads={{ threads: page.threads.map(toApiThread), nextCursor: page.nextCursor }}
    >
      {children}
    </ChatShell>
  );
}
