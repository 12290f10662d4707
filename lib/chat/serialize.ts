import type { MessageStatus } from "@/lib/validations/chat";

// The public message shape (DESIGN.md): parts as the AI SDK's UI messages carry them.
export type ApiMessage = {
  id: string;
  role: "user" | "assistant";
  parts: { type: "text"; text: string }[];
  status: MessageStatus;
  createdAt: string;
  error?: string;
};

type Row = { id: string; role: string; parts: unknown; status: string; error: string | null; createdAt: Date };

function textParts(parts: unknown): ApiMessage["parts"] {
  if (!Array.isArray(parts)) return [];
  return parts.flatMap((part: unknown) =>
    typeof part === "object" && part !== null && (part as { type?: unknown }).type === "text" && typeof (part as { text?: unknown }).text === "string"
      ? [{ type: "text" as const, text: (part as { text: string }).text }]
      : [],
  );
}

export function toApiMessage(row: Row): ApiMessage {
  return {
    id: row.id,
    role: row.role === "assistant" ? "assistant" : "user",
    parts: textParts(row.parts),
    status: row.status as MessageStatus,
    createdAt: row.createdAt.toISOString(),
    ...(row.status === "error" && row.error ? { error: row.error } : {}),
  };
}

export type ApiThreadSummary = { id: string; title: string; updatedAt: string };

export function toApiThread(row: { id: string; title: string; updatedAt: Date }): ApiThreadSummary {
  return { id: row.id, title: row.title, updatedAt: row.updatedAt.toISOString() };
}
