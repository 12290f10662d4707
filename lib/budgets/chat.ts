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
// `prepare` says when it has started the model call (lib/chat/start-turn.ts starts it while the turn is
// stored): a turn that then fails to store was still sent to the provider, so its prompt counts.
export type ModelCallStarted = (call: { model: string; history: PreparedTurn["history"] }) => void;

export async function budgetedTurn<Turn extends PreparedTurn>(caller: Caller, text: string, prepare: (started: ModelCallStarted) => Promise<Turn>) {
  const spend = await startSpend({ ...caller, promptTokens: estimateTokens(text) });
  let sent: Parameters<ModelCallStarted>[0] | undefined;
  let turn: Turn;
  try {
    turn = await prepare((call) => (sent = call));
  } catch (error) {
    if (sent) await spend.finish({ model: sent.model, promptTokens: estimatePromptTokens(sent.history), outputTokens: 0 });
    else await spend.cancel();
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
