import "server-only";
import { after } from "next/server";
import type { ApiCaller } from "@/lib/api-keys/with-api-key";
import type { UsageMeter } from "@/lib/api-keys/usage-meter";
import { findModel } from "@/lib/ai/models";
import type { ChatCompletionRequest } from "@/lib/validations/openai";
import { estimatePromptTokens } from "./estimate";
import { startSpend } from "./spend";

// A /v1 completion under the budget: checked before the model is called, counted after the response
// (streamed replies report their tokens when the stream ends). An unknown model is left to the handler's
// 404 and costs nothing.
export async function budgetCompletion({ caller, body, usage }: { caller: ApiCaller; body: ChatCompletionRequest; usage: UsageMeter }) {
  const model = findModel(body.model);
  if (!model) return;
  const spend = await startSpend({
    userId: caller.userId,
    tokenBudget: caller.tokenBudget,
    source: caller.via,
    promptTokens: estimatePromptTokens(body.messages),
    // A caller that caps the reply reserves the cap too, which keeps parallel requests closer to the budget.
    expectedOutputTokens: body.max_completion_tokens ?? body.max_tokens ?? 0,
  });
  after(async () => {
    const tokens = await usage.settled();
    // Unreported (a stream the client cut off, a server that reports nothing): the prompt is estimated, and
    // the reply from what was sent of it.
    await spend.finish({ model: model.id, ...(tokens.reported ? tokens : { outputTokens: tokens.outputTokens }) });
  });
}
