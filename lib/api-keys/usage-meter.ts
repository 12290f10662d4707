import "server-only";

// Counts one request and the tokens it used. A streamed reply reports its tokens when the stream
// ends, after the handler has returned, so the meter can be told to wait for that.
export type UsageMeter = {
  addTokens(tokens: { inputTokens?: number; outputTokens?: number }): void;
  waitFor(done: Promise<unknown>): void;
  settled(): Promise<{ inputTokens: number; outputTokens: number }>;
};

export function createUsageMeter(): UsageMeter {
  let inputTokens = 0;
  let outputTokens = 0;
  const pending: Promise<unknown>[] = [];
  return {
    addTokens(tokens) {
      inputTokens += Math.max(0, Math.floor(tokens.inputTokens ?? 0));
      outputTokens += Math.max(0, Math.floor(tokens.outputTokens ?? 0));
    },
    waitFor(done) {
      pending.push(done);
    },
    async settled() {
      await Promise.allSettled(pending);
      return { inputTokens, outputTokens };
    },
  };
}
