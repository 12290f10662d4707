// POST /api/chat — store the user's message (the model call starting meanwhile), then stream the assistant's reply (AI SDK UI message stream)
import { budgetedTurn } from "@/lib/budgets/chat";
import { readChatRequest } from "@/lib/chat/read-chat-request";
import { replyResponse } from "@/lib/chat/reply-stream";
import { startTurn } from "@/lib/chat/start-turn";
import { storedReply } from "@/lib/chat/stored-reply";
import { serverTimingHeader } from "@/lib/http/server-timing";
import { sessionRoute } from "@/lib/http/session-route";
import { consumeRateLimit, rateLimitedError, rateLimitHeaders } from "@/lib/rate-limit/limiter";

// Streamed replies run inside one invocation on serverless hosts (Vercel): room for a slow model.
export const maxDuration = 300;

export const POST = sessionRoute(async (request, { user }) => {
  const { threadId, message, model: requestedModel } = await readChatRequest(request);
  const started = performance.now();
  const limit = await consumeRateLimit("chat", user.id);
  if (!limit.allowed) throw rateLimitedError(limit, "You are sending messages too quickly. Wait a moment and try again.");

  const limited = performance.now();
  const { turn, metered } = await budgetedTurn({ userId: user.id, tokenBudget: user.tokenBudget, source: "chat" }, message.text, (started) =>
    startTurn({ userId: user.id, threadId, message, requestedModel }, started),
  );
  const timing = serverTimingHeader({ ratelimit: limited - started, turn: performance.now() - limited });
  return replyResponse({
    call: turn.call,
    assistantId: turn.assistantId,
    signal: request.signal,
    headers: { ...rateLimitHeaders(limit), "server-timing": timing },
    sink: metered(storedReply({ id: turn.assistantId, userId: user.id })),
  });
});
