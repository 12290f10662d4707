import "server-only";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { listModels } from "@/lib/ai/models";
import { sendChatMessage } from "@/lib/chat/send-message";
import { getMessagePage, getOwnThread, listOwnThreads } from "@/lib/chat/threads";
import { toAppError } from "@/lib/errors";
import type { ResourceScope } from "@/lib/oauth/scopes";

// Each tool and the scope a token needs to call it (checked before the call, lib/mcp/endpoint.ts).
export const TOOL_SCOPES: Record<string, ResourceScope> = {
  list_models: "models:read",
  list_threads: "threads:read",
  get_thread: "threads:read",
  search_threads: "threads:read",
  send_message: "chat:write",
};

type Caller = { userId: string; tokenBudget: string | null; request: Request };
type ToolResult = { content: { type: "text"; text: string }[]; isError?: boolean };

const json = (value: unknown): ToolResult => ({ content: [{ type: "text", text: JSON.stringify(value, null, 2) }] });

// A refusal the agent can read (a missing thread, a bad cursor, a rate limit); internals never.
async function answer(work: () => Promise<unknown>): Promise<ToolResult> {
  try {
    return json(await work());
  } catch (error) {
    const appError = toAppError(error);
    return { content: [{ type: "text", text: `${appError.code}: ${appError.message}` }], isError: true };
  }
}

const threadSummary = (thread: { id: string; title: string; updatedAt: Date }) => ({ id: thread.id, title: thread.title, updated_at: thread.updatedAt.toISOString() });

export function registerTools(server: McpServer, caller: Caller) {
  const { userId } = caller;
  server.registerTool(
    "list_models",
    { description: "List the AI models this Keyline offers (use an id as send_message's model).", annotations: { readOnlyHint: true } },
    () => answer(async () => ({ models: listModels().map((model) => ({ id: model.id, name: model.label })) })),
  );
  server.registerTool(
    "list_threads",
    {
      description: "List your chat threads, newest first, one page at a time.",
      inputSchema: { cursor: z.string().max(500).optional().describe("next_cursor from the previous page") },
      annotations: { readOnlyHint: true },
    },
    ({ cursor }) =>
      answer(async () => {
        const page = await listOwnThreads({ userId, cursor });
        return { threads: page.threads.map(threadSummary), next_cursor: page.nextCursor };
      }),
  );
  server.registerTool(
    "search_threads",
    {
      description: "Search your chat threads by title and message text.",
      inputSchema: { query: z.string().trim().min(1).max(200), cursor: z.string().max(500).optional() },
      annotations: { readOnlyHint: true },
    },
    ({ query, cursor }) =>
      answer(async () => {
        const page = await listOwnThreads({ userId, q: query, cursor });
        return { threads: page.threads.map(threadSummary), next_cursor: page.nextCursor };
      }),
  );
  server.registerTool(
    "get_thread",
    {
      description: "Read one chat thread's messages, newest page first; pass next_cursor as before for older ones.",
      inputSchema: { thread_id: z.string().max(100), before: z.string().max(500).optional(), limit: z.number().int().min(1).max(100).optional() },
      annotations: { readOnlyHint: true },
    },
    ({ thread_id, before, limit }) =>
      answer(async () => {
        const page = await getMessagePage({ userId, threadId: thread_id, before, limit: limit ?? 50 });
        return {
          thread: threadSummary(page.thread),
          messages: page.messages.map((message) => ({
            id: message.id,
            role: message.role,
            text: message.parts.map((part) => part.text).join(""),
            status: message.status,
            created_at: message.createdAt,
          })),
          next_cursor: page.nextCursor,
        };
      }),
  );
  server.registerTool(
    "send_message",
    {
      description: "Send a message to a model as you, in a new thread or an existing one; it is saved in your chat history. Returns the reply and the thread id.",
      inputSchema: { text: z.string().min(1).max(32_000), thread_id: z.string().max(100).optional(), model: z.string().max(200).optional() },
    },
    ({ text, thread_id, model }) =>
      answer(async () => {
        if (thread_id !== undefined) await getOwnThread({ userId, id: thread_id });
        const sent = await sendChatMessage({ userId, tokenBudget: caller.tokenBudget, text, threadId: thread_id, model, request: caller.request });
        return { thread_id: sent.threadId, reply: sent.reply, status: sent.status, model: sent.model };
      }),
  );
}
