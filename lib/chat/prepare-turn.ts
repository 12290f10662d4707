import "server-only";
import { randomUUID } from "node:crypto";
import { defaultModel, findModel, type ModelInfo } from "@/lib/ai/models";
import {
  contextMessages,
  createAssistantMessage,
  createTurnMessages,
  deleteMessagesAfter,
  findUserMessage,
  latestMessageTime,
} from "@/lib/db/queries/messages";
import { createThread, deleteThreadIfEmpty, findThread, touchThread } from "@/lib/db/queries/threads";
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
// 404), then the user's message and the assistant's reply as `streaming`, in one statement. Re-sending a stored user message
// regenerates its reply. Timestamps strictly increase within a thread so (createdAt, id) keeps turn order.
export async function prepareTurn({ userId, threadId, message, requestedModel }: TurnInput): Promise<PreparedTurn> {
  const now = new Date();
  const thread = await findThread({ id: threadId, userId });
  const model = requestedModel ?? findModel(thread?.model) ?? defaultModel();
  if (!thread) {
    const created = await createThread({ id: threadId, userId, title: titleFromText(message.text), model: model.id, now });
    if (created) return firstTurn({ userId, threadId, message, model, now });
    // Taken meanwhile: by this user's concurrent request (go on in it) or by someone else (404).
    if (!(await findThread({ id: threadId, userId }))) throw threadNotFound();
  }
  return laterTurn({ userId, threadId, message, model, now });
}

type TurnParts = { userId: string; threadId: string; message: TurnInput["message"]; model: ModelInfo; now: Date };

// A thread this request has just made holds nothing yet: no message to regenerate, no earlier turns to
// read, and its timestamps are fresh, so the first turn (what most chats start with) skips four statements.
// (Only a second request of the same user racing on the same new id could add to it meanwhile.)
async function firstTurn({ userId, threadId, message, model, now }: TurnParts): Promise<PreparedTurn> {
  const assistantId = randomUUID();
  const stored = await createTurnMessages({ userId, threadId, message: { ...message, createdAt: now }, reply: { id: assistantId, model: model.id, createdAt: replyTime(now) } });
  if (!stored) {
    // A thread made for a message that could not be stored would sit empty in the list.
    await deleteThreadIfEmpty({ id: threadId, userId });
    throw messageIdTaken();
  }
  return { threadId, assistantId, model, isNewThread: true, history: trimContext([{ role: "user", content: message.text }]) };
}

async function laterTurn({ userId, threadId, message, model, now }: TurnParts): Promise<PreparedTurn> {
  const assistantId = randomUUID();
  const existing = await findUserMessage({ id: message.id, userId, threadId });
  let upTo: { createdAt: Date };
  let replyAt: Date;
  if (existing) {
    await deleteMessagesAfter({ userId, threadId, after: existing });
    replyAt = replyTime(existing.createdAt);
    await createAssistantMessage({ id: assistantId, userId, threadId, model: model.id, createdAt: replyAt });
    upTo = existing;
  } else {
    const latest = await latestMessageTime({ userId, threadId });
    const createdAt = latest && latest >= now ? new Date(latest.getTime() + 1) : now;
    replyAt = replyTime(createdAt);
    const stored = await createTurnMessages({ userId, threadId, message: { ...message, createdAt }, reply: { id: assistantId, model: model.id, createdAt: replyAt } });
    if (!stored) throw messageIdTaken();
    upTo = { createdAt };
  }
  await touchThread({ id: threadId, userId, model: model.id, now: replyAt });

  const rows = await contextMessages({ userId, threadId, upTo, limit: CONTEXT_MESSAGES });
  return { threadId, assistantId, model, isNewThread: false, history: trimContext(rows) };
}

// The reply comes strictly after its message, so (createdAt, id) keeps turn order.
const replyTime = (messageAt: Date) => new Date(Math.max(Date.now(), messageAt.getTime() + 1));

const messageIdTaken = () => new AppError("conflict:message", "This message id is already in use. Send the message again.");

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
