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
import { claimOfThread, createThread, deleteThreadIfEmpty, touchThread } from "@/lib/db/queries/threads";
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

// A turn read but not yet written: what the model will be sent, and `store()`, which writes the thread
// (new ids start one), the user's message and the reply's `streaming` placeholder. The chat starts the
// model call between the two (lib/chat/start-turn.ts); nothing reaches the client before store() is done.
export type PlannedTurn = PreparedTurn & { store(): Promise<void> };

// Everything stored before the model is called (the MCP tool send_message awaits the reply whole).
export async function prepareTurn(input: TurnInput): Promise<PreparedTurn> {
  const { store, ...turn } = await planTurn(input);
  await store();
  return turn;
}

// Someone else's thread id is a 404, before anything is sent anywhere (or from store(), when it was taken
// meanwhile). Re-sending a stored user message regenerates its reply. Timestamps strictly increase within
// a thread so (createdAt, id) keeps turn order.
export async function planTurn({ userId, threadId, message, requestedModel }: TurnInput): Promise<PlannedTurn> {
  const now = new Date();
  const claim = await claimOfThread({ id: threadId, userId });
  // Before the model call starts (lib/chat/start-turn.ts): someone else's thread costs nobody a model call.
  if (claim.kind === "taken") throw threadNotFound();
  const model = requestedModel ?? findModel(claim.kind === "mine" ? claim.model : undefined) ?? defaultModel();
  const parts = { userId, threadId, message, model, now, assistantId: randomUUID() };
  return claim.kind === "free" ? firstTurn(parts) : laterTurn(parts);
}

type TurnParts = { userId: string; threadId: string; message: TurnInput["message"]; model: ModelInfo; now: Date; assistantId: string };

// A thread this request makes holds nothing yet: no message to regenerate, no earlier turns to read,
// and its timestamps are fresh, so the first turn (what most chats start with) reads nothing more.
function firstTurn(parts: TurnParts): PlannedTurn {
  const { userId, threadId, message, model, now, assistantId } = parts;
  const store = async () => {
    const created = await createThread({ id: threadId, userId, title: titleFromText(message.text), model: model.id, now });
    if (!created) {
      // Taken meanwhile: by this user's concurrent request (go on in it) or by someone else (404).
      if ((await claimOfThread({ id: threadId, userId })).kind !== "mine") throw threadNotFound();
      return storeNewMessage(parts);
    }
    const stored = await createTurnMessages({ userId, threadId, message: { ...message, createdAt: now }, reply: { id: assistantId, model: model.id, createdAt: replyTime(now) } });
    if (!stored) {
      // A thread made for a message that could not be stored would sit empty in the list.
      await deleteThreadIfEmpty({ id: threadId, userId });
      throw messageIdTaken();
    }
  };
  return { threadId, assistantId, model, isNewThread: true, history: trimContext([{ role: "user", content: message.text }]), store };
}

async function laterTurn(parts: TurnParts): Promise<PlannedTurn> {
  const { userId, threadId, message, model, assistantId } = parts;
  const existing = await findUserMessage({ id: message.id, userId, threadId });
  if (existing) {
    // Regenerating: the context ends at the message; what followed it goes when the turn is stored.
    // Up to (createdAt, id) inclusive, the same bound the delete below keeps.
    const rows = await contextMessages({ userId, threadId, upTo: existing, limit: CONTEXT_MESSAGES });
    const store = async () => {
      await deleteMessagesAfter({ userId, threadId, after: existing });
      const replyAt = replyTime(existing.createdAt);
      await createAssistantMessage({ id: assistantId, userId, threadId, model: model.id, createdAt: replyAt });
      await touchThread({ id: threadId, userId, model: model.id, now: replyAt });
    };
    return { threadId, assistantId, model, isNewThread: false, history: trimContext(rows), store };
  }
  // The earlier turns, read before the new message is written, and then the new message itself.
  const rows = await contextMessages({ userId, threadId, limit: CONTEXT_MESSAGES - 1 });
  const history = trimContext([...rows, { role: "user", content: message.text }]);
  return { threadId, assistantId, model, isNewThread: false, history, store: () => storeNewMessage(parts) };
}

async function storeNewMessage({ userId, threadId, message, model, now, assistantId }: TurnParts): Promise<void> {
  const latest = await latestMessageTime({ userId, threadId });
  const createdAt = latest && latest >= now ? new Date(latest.getTime() + 1) : now;
  const replyAt = replyTime(createdAt);
  const stored = await createTurnMessages({ userId, threadId, message: { ...message, createdAt }, reply: { id: assistantId, model: model.id, createdAt: replyAt } });
  if (!stored) throw messageIdTaken();
  await touchThread({ id: threadId, userId, model: model.id, now: replyAt });
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
