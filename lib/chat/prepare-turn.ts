import "server-only";
import { randomUUID } from "node:crypto";
import { defaultModel, findModel, type ModelInfo } from "@/lib/ai/models";
import {
  contextMessages,
  createAssistantMessage,
  createUserMessage,
  deleteMessagesAfter,
  findUserMessage,
  latestMessageTime,
} from "@/lib/db/queries/messages";
import { createThread, deleteThread, findThread, touchThread } from "@/lib/db/queries/threads";
import { AppError } from "@/lib/errors";
import { threadNotFound } from "./errors";
import { titleFromText } from "./title";

const CONTEXT_MESSAGES = 40;
const CONTEXT_CHARS = 120_000;

type TurnInput = { userId: string; threadId: string; message: { id: string; text: string }; requestedModel?: ModelInfo };

export type PreparedTurn = {
  threadId: string;
  assistantId: string;
  model: ModelInfo;
  isNewThread: boolean;
  history: { role: "user" | "assistant"; content: string }[];
};

// Everything stored before the model is called: the thread (new ids start one; someone else's id is a
// 404), the user's message, and the assistant's reply as `streaming`. Re-sending a stored user message
// regenerates its reply. Timestamps strictly increase within a thread so (createdAt, id) keeps turn order.
export async function prepareTurn({ userId, threadId, message, requestedModel }: TurnInput): Promise<PreparedTurn> {
  const now = new Date();
  let thread = await findThread({ id: threadId, userId });
  const model = requestedModel ?? findModel(thread?.model) ?? defaultModel();
  let isNewThread = false;
  if (!thread) {
    thread = await createThread({ id: threadId, userId, title: titleFromText(message.text), model: model.id, now });
    isNewThread = Boolean(thread);
    thread ??= await findThread({ id: threadId, userId });
    if (!thread) throw threadNotFound();
  }

  let userMessage = await findUserMessage({ id: message.id, userId, threadId });
  if (userMessage) {
    await deleteMessagesAfter({ userId, threadId, after: userMessage });
  } else {
    const latest = await latestMessageTime({ userId, threadId });
    const createdAt = latest && latest >= now ? new Date(latest.getTime() + 1) : now;
    userMessage = await createUserMessage({ id: message.id, userId, threadId, text: message.text, createdAt });
    if (!userMessage) {
      // A thread made for a message that could not be stored would sit empty in the list.
      if (isNewThread) await deleteThread({ id: threadId, userId });
      throw new AppError("conflict:message", "This message id is already in use. Send the message again.");
    }
  }

  const assistantId = randomUUID();
  const replyAt = new Date(Math.max(Date.now(), userMessage.createdAt.getTime() + 1));
  await createAssistantMessage({ id: assistantId, userId, threadId, model: model.id, createdAt: replyAt });
  await touchThread({ id: threadId, userId, model: model.id, now: replyAt });

  const rows = await contextMessages({ userId, threadId, upTo: userMessage, limit: CONTEXT_MESSAGES });
  return { threadId, assistantId, model, isNewThread, history: trimContext(rows) };
}

function trimContext(rows: { role: string; content: string }[]): PreparedTurn["history"] {
  const turns = rows.filter((row) => row.content.trim() && (row.role === "user" || row.role === "assistant")) as PreparedTurn["history"];
  let total = 0;
  const kept: PreparedTurn["history"] = [];
  for (const turn of turns.reverse()) {
    total += turn.content.length;
    if (total > CONTEXT_CHARS && kept.length > 0) break;
    kept.push(turn);
  }
  return kept.reverse();
}
