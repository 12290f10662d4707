import "server-only";
import type { PreparedTurn } from "@/lib/chat/prepare-turn";
import type { ReplySink } from "@/lib/chat/reply-stream";
import type { UsageSource } from "@/lib/db/queries/token-usage";
import { estimatePromptTokens, estimateTokens } from "./estimate";
import { startSpend } from "./spend";

type Caller = { userId: string; tokenBudget: string | null | undefined; source: Extract<UsageSource, "chat" | "mcp"> };

// A chat turn under the budget: the check comes before anything is stored, so a refused turn stores
// nothing (as a rate-limited one): the chat UI gives the text back to the composer with the reason.
// `metered` wraps the reply's sink, which counts the reply's tokens when it is stored.
export async function budgetedTurn<Turn extends PreparedTurn>(caller: Caller, text: string, prepare: () => Promise<Turn>) {
  const spend = await startSpend({ ...caller, promptTokens: estimateTokens(text) });
  let turn: Turn;
  try {
    turn = await prepare();
  } catch (error) {
    await spend.cancel();
    throw error;
  }
  const model = turn.model.id;
  const promptTokens = estimatePromptTokens(turn.history);
  const metered = (inner: ReplySink): ReplySink => ({
    progress: (partial) => inner.progress(partial),
    finish: async (outcome) => {
      try {
        await inner.finish(outcome);
      } finally {
        // Counted even when the reply could not be stored: the model was paid for either way.
        await spend.finish({ model, inputTokens: outcome.inputTokens, outputTokens: outcome.outputTokens, text: outcome.text, promptTokens });
      }
    },
  });
  return { turn, metered };
}
