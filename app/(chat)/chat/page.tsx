import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { ChatView } from "@/components/chat/chat-view";
import { defaultModel, listModels } from "@/lib/ai/models";
import { requireUser } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "New chat" };

// A new thread: its id is made here and becomes a thread when the first message is sent.
export default async function NewChatPage() {
  await requireUser();
  const id = randomUUID();
  const models = listModels().map(({ id: modelId, label }) => ({ id: modelId, label }));
  return <ChatView key={id} threadId={id} isNew initialMessages={[]} initialCursor={null} models={models} initialModel={defaultModel().id} />;
}
