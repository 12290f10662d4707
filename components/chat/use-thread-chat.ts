"use client";

import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport } from "ai";
import { useCallback, useMemo, useRef, useState } from "react";
import type { ApiMessage } from "@/lib/chat/serialize";
import { titleFromText } from "@/lib/chat/title";
import { apiErrorOf, textOf, toChatMessages, type ChatMessage, type ChatMessageMetadata } from "@/lib/chat/ui-messages";
import { uuidv4 } from "@/lib/chat/uuid";
import { useThreadList } from "./thread-list-provider";

type Options = {
  threadId: string;
  isNew: boolean;
  initialMessages: ChatMessage[];
  initialCursor: string | null;
  getModel: () => string;
  onRefused: (text: string | null, message: string) => void;
};

const CONNECTION_LOST = "The connection to Keyline was lost before the reply finished. Reload the page to see what was saved.";

// useChat wired to Keyline's API: only the new message is sent, statuses follow the stored ones, a
// refused request gives the text back to the composer, and older pages come from the history route.
export function useThreadChat({ threadId, isNew, initialMessages, initialCursor, getModel, onRefused }: Options) {
  const threads = useThreadList();
  const [overrides, setOverrides] = useState<Record<string, ChatMessageMetadata>>({});
  const [cursor, setCursor] = useState(initialCursor);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<string | null>(null);
  const started = useRef(!isNew);
  const refusal = useRef<string | null>(null);
  const streamError = useRef<string | null>(null);
  const sentText = useRef<string | null>(null);

  // Once the server accepts a message it has stored it (and the thread, for a new chat): the address
  // follows without a navigation and the thread moves to the top of the list.
  const { upsert, titleOf } = threads;
  const accepted = useRef<() => void>(() => {});
  accepted.current = () => {
    if (!started.current) {
      started.current = true;
      window.history.replaceState(null, "", `/chat/${threadId}`);
    }
    const firstUser = chat.messages.find((m) => m.role === "user");
    const title = titleOf(threadId) ?? titleFromText(firstUser ? textOf(firstUser) : "");
    upsert({ id: threadId, title, updatedAt: new Date().toISOString() }, { moveToTop: true });
  };

  const transport = useMemo(
    () =>
      new DefaultChatTransport<ChatMessage>({
        api: "/api/chat",
        fetch: async (input, init) => {
          const response = await fetch(input, init);
          if (response.ok) accepted.current();
          return response;
        },
        prepareSendMessagesRequest: ({ id, messages }) => {
          const last = messages.at(-1);
          const parts = (last?.parts ?? []).flatMap((part) => (part.type === "text" ? [{ type: "text" as const, text: part.text }] : []));
          return { body: { id, message: last && { id: last.id, role: last.role, parts }, model: getModel() } };
        },
      }),
    [getModel],
  );

  const chat = useChat<ChatMessage>({
    id: threadId,
    messages: initialMessages,
    transport,
    generateId: uuidv4,
    experimental_throttle: 40,
    onError: (error) => {
      const refused = apiErrorOf(error.message);
      if (refused) refusal.current = refused.message;
      else streamError.current = error.message || "The reply failed. Regenerate it to try again.";
    },
    onFinish: ({ message, messages, isAbort, isDisconnect, isError }) => {
      const refused = refusal.current;
      refusal.current = null;
      if (refused) {
        // Nothing was stored: take the optimistic message back and give its text back to the composer.
        const last = messages.at(-1);
        if (last?.role === "user" && sentText.current !== null) chat.setMessages(messages.slice(0, -1));
        onRefused(sentText.current, refused);
        sentText.current = null;
        return;
      }
      sentText.current = null;
      const status: ChatMessageMetadata = isAbort
        ? { status: "interrupted" }
        : isDisconnect
          ? { status: "error", error: CONNECTION_LOST }
          : isError
            ? { status: "error", error: streamError.current ?? undefined }
            : { status: "complete" };
      setOverrides((current) => ({ ...current, [message.id]: status }));
      // Stopped or failed before the first word: show an empty reply, so it can be regenerated.
      if (!messages.some((m) => m.id === message.id) && messages.at(-1)?.role === "user") {
        chat.setMessages([...messages, { id: message.id, role: "assistant", parts: [], metadata: status }]);
      }
      streamError.current = null;
    },
  });

  const send = useCallback(
    (text: string) => {
      sentText.current = text;
      void chat.sendMessage({ text });
    },
    [chat],
  );

  const regenerate = useCallback(() => {
    sentText.current = null;
    void chat.regenerate();
  }, [chat]);

  const loadOlder = useCallback(async () => {
    if (!cursor || loadingOlder) return;
    setLoadingOlder(true);
    try {
      const response = await fetch(`/api/threads/${threadId}/messages?${new URLSearchParams({ before: cursor })}`, { cache: "no-store" });
      if (!response.ok) throw new Error("Could not load earlier messages. Scroll up to try again.");
      const page = (await response.json()) as { messages: ApiMessage[]; nextCursor: string | null };
      const older = toChatMessages(page.messages);
      chat.setMessages((current) => [...older.filter((m) => !current.some((c) => c.id === m.id)), ...current]);
      setCursor(page.nextCursor);
      setOlderError(null);
    } catch (error) {
      setOlderError(error instanceof Error ? error.message : "Could not load earlier messages.");
    } finally {
      setLoadingOlder(false);
    }
  }, [chat, cursor, loadingOlder, threadId]);

  const statusOf = useCallback(
    (message: ChatMessage): ChatMessageMetadata => {
      const override = overrides[message.id];
      if (override) return override;
      return { status: message.metadata?.status ?? "complete", error: message.metadata?.error };
    },
    [overrides],
  );

  return { chat, send, regenerate, statusOf, loadOlder, hasOlder: cursor !== null, loadingOlder, olderError };
}
