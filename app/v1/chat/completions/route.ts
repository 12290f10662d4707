// POST /v1/chat/completions — OpenAI-compatible chat, streamed (SSE) or not
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { budgetCompletion } from "@/lib/budgets/api";
import { createChatCompletion, parseChatCompletionRequest } from "@/lib/openai-compat/chat-completions";

// Streamed replies run inside one invocation on serverless hosts (Vercel): room for a slow model.
export const maxDuration = 300;

export const POST = withApiKey({ scope: "chat:write" }, async (request, { key, usage }) => {
  const body = await parseChatCompletionRequest(request);
  await budgetCompletion({ caller: key, body, usage });
  return createChatCompletion({ request, body, usage });
});
