import "server-only";
import { randomUUID } from "node:crypto";
import { generateText } from "ai";
import { findModel, listModels } from "@/lib/ai/models";
import { languageModel } from "@/lib/ai/language-model";
import { budgetedTurn } from "@/lib/budgets/chat";
import { AppError } from "@/lib/errors";
import { consumeRateLimit, rateLimitedError } from "@/lib/rate-limit/limiter";
import { requestOrShutdownSignal } from "@/lib/runtime/shutdown";
import { messageProblem } from "@/lib/validations/chat";
import { prepareTurn } from "./prepare-turn";
import { logReplyError, replyErrorMessage } from "./reply-errors";
import { storedReply } from "./stored-reply";
import { parseThreadId } from "./threads";

export type SentMessage = { threadId: string; reply: string; status: "complete" | "error" | "interrupted"; model: string };

// One chat turn without a browser (the MCP tool send_message): the same rate limit as the chat UI, the
// same storage (the user's message and the reply land in their history), the reply awaited whole.
export async function sendChatMessage(input: {
  userId: string;
  tokenBudget: string | null;
  text: string;
  threadId?: string;
  model?: string;
  request: Request;
}): Promise<SentMessage> {
  const { userId, text, request } = input;
  const problem = messageProblem(text);
  if (problem) throw new AppError(`bad_request:${problem.code}`, problem.message);
  const model = input.model === undefined ? undefined : findModel(input.model);
  if (input.model !== undefined && !model) {
    throw new AppError("bad_request:model", `That model is not available here. Available: ${listModels().map((m) => m.id).join(", ")}.`);
  }
  const threadId = input.threadId === undefined ? randomUUID() : parseThreadId(input.threadId);

  const limit = await consumeRateLimit("chat", userId);
  if (!limit.allowed) throw rateLimitedError(limit, "You are sending messages too quickly. Wait a moment and try again.");

  const { turn, metered } = await budgetedTurn({ userId, tokenBudget: input.tokenBudget, source: "mcp" }, text, () =>
    prepareTurn({ userId, threadId, message: { id: randomUUID(), text }, requestedModel: model }),
  );
  const sink = metered(storedReply({ id: turn.assistantId, userId }));
  try {
    const result = await generateText({ model: languageModel(turn.model), messages: turn.history, abortSignal: requestOrShutdownSignal(request), maxRetries: 1 });
    await sink.finish({ status: "complete", text: result.text, inputTokens: result.usage.inputTokens, outputTokens: result.usage.outputTokens });
    return { threadId, reply: result.text, status: "complete", model: turn.model.id };
  } catch (error) {
    const aborted = request.signal.aborted;
    if (!aborted) logReplyError(error);
    const message = aborted ? "" : replyErrorMessage(error);
    await sink.finish(aborted ? { status: "interrupted", text: "" } : { status: "error", text: "", error: message });
    return { threadId, reply: message, status: aborted ? "interrupted" : "error", model: turn.model.id };
  }
}
