// When a provider reports no usage (a stream cut off, an error mid-reply, a server without usage
// reporting), tokens are estimated as one per four characters, rounded up: OpenAI's rule of thumb for
// English text with its tokenizers. It counts short for code and some scripts, long for others; the
// usage pages say which requests were estimated.
export function estimateTokens(text: string): number {
  return tokensForChars(text.length);
}

export const tokensForChars = (chars: number) => Math.ceil(chars / 4);

export function estimatePromptTokens(messages: readonly { content?: unknown }[]): number {
  let total = 0;
  for (const message of messages) {
    // Per-message framing (role, separators) costs a few tokens on every provider.
    total += 4 + estimateTokens(typeof message.content === "string" ? message.content : JSON.stringify(message.content ?? ""));
  }
  return Math.max(1, total);
}
