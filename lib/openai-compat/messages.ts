import type { TextTurn } from "@/lib/ai/model-stream";
import type { ChatMessage } from "@/lib/validations/openai";

type TextLike = string | null | undefined | ({ type: "text"; text: string } | { type: "refusal"; refusal: string })[];

function textOf(content: TextLike): string {
  if (content == null) return "";
  if (typeof content === "string") return content;
  return content.map((part) => (part.type === "text" ? part.text : part.refusal)).join("");
}

// OpenAI chat messages → text turns (which are AI SDK model messages too). `developer` is OpenAI's newer name for `system`.
export function toModelMessages(messages: ChatMessage[]): TextTurn[] {
  return messages.map((message): TextTurn => {
    switch (message.role) {
      case "system":
      case "developer":
        return { role: "system", content: textOf(message.content) };
      case "user":
        return { role: "user", content: textOf(message.content) };
      case "assistant":
        return { role: "assistant", content: textOf(message.content) || (message.refusal ?? "") };
    }
  });
}
