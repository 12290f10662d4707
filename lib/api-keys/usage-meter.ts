import "server-only";
import { tokensForChars } from "@/lib/budgets/estimate";

// Counts one request and the tokens it used. A streamed reply reports its tokens when the stream
// ends, after the handler has returned, so the meter can be told to wait for that.
export type UsageMeter = {
  addTokens(tokens: { inputTokens?: number; outputTokens?: number }): void;
  // What a streamed reply sent: when the provider reports no usage (a client that stops reading before the
  // end, a server that never reports), the reply's tokens are estimated from it rather than counted as 0.
  addOutputText(text: string): void;
  waitFor(done: Promise<unknown>): void;
  // reported: the provider gave both counts (budgets estimate otherwise, lib/budgets/estimate.ts).
  settled(): Promise<{ inputTokens: number; outputTokens: number; reported: boolean }>;
};

export function createUsageMeter(): UsageMeter {
  let inputTokens = 0;
  let outputTokens = 0;
  let reported = false;
  let outputChars = 0;
  const pending: Promise<unknown>[] = [];
  return {
    addTokens(tokens) {
      if (tokens.inputTokens !== undefined && tokens.outputTokens !== undefined) reported = true;
      inputTokens += Math.max(0, Math.floor(tokens.inputTokens ?? 0));
      outputTokens += Math.max(0, Math.floor(tokens.outputTokens ?? 0));
    },
    addOutputText(text) {
      outputChars += text.length;
    },
    waitFor(done) {
      pending.push(done);
    },
    async settled() {
      await Promise.allSettled(pending);
      return { inputTokens, outputTokens: reported ? outputTokens : Math.max(outputTokens, tokensForChars(outputChars)), reported };
    },
  };
}
