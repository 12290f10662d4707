import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ChatView } from "@/components/chat/chat-view";
import { defaultModel, findModel, listModels } from "@/lib/ai/models";
import { requireUser } from "@/lib/auth/guard";
import { getMessagePage } from "@/lib/chat/threads";
import { AppError } from "@/lib/errors";
import { MESSAGE_PAGE_DEFAULT } from "@/lib/validations/threads";

export const metadata: Metadata = { title: "Chat" };

// A thread opens with its latest page of messages; older pages load as the reader scrolls up.
export default async function ThreadPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const page = await getMessagePage({ userId: user.id, threadId: id, limit: MESSAGE_PAGE_DEFAULT }).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const models = listModels().map(({ id: modelId, label }) => ({ id: modelId, label }));
  return (
    <ChatView
      key={page.thread.id}
      threadId={page.thread.id}
      title={page.thread.title}
      isNew={false}
      initialMessages={page.messages}
      initialCursor={page.nextCursor}
      models={models}
      initialModel={(findModel(page.thread.model) ?? defaultModel()).id}
    />
  );
}
