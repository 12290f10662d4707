"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ApiMessage } from "@/lib/chat/serialize";
import { textOf, toChatMessages } from "@/lib/chat/ui-messages";
import { Composer } from "./composer";
import { EmptyChat } from "./empty-chat";
import { MessageItem, TypingDots } from "./message-item";
import { MessageList, type MessageListHandle } from "./message-list";
import type { ModelOption } from "./model-picker";
import { useThreadList } from "./thread-list-provider";
import { useThreadChat } from "./use-thread-chat";

type Props = {
  threadId: string;
  title?: string;
  isNew: boolean;
  initialMessages: ApiMessage[];
  initialCursor: string | null;
  models: ModelOption[];
  initialModel: string;
};

const MODEL_KEY = "keyline:model";

export function ChatView({ threadId, title, isNew, initialMessages, initialCursor, models, initialModel }: Props) {
  const [model, setModel] = useState(initialModel);
  const [input, setInput] = useState("");
  const [refusal, setRefusal] = useState<string | null>(null);
  const list = useRef<MessageListHandle>(null);
  const modelRef = useRef(model);
  modelRef.current = model;
  const getModel = useCallback(() => modelRef.current, []);

  // A new chat starts with the model picked last time, when it is still offered.
  useEffect(() => {
    if (!isNew) return;
    const saved = window.localStorage.getItem(MODEL_KEY);
    if (saved && models.some((m) => m.id === saved)) setModel(saved);
  }, [isNew, models]);

  const onRefused = useCallback((text: string | null, message: string) => {
    setRefusal(message);
    if (text !== null) setInput((current) => current || text);
  }, []);

  const [initial] = useState(() => toChatMessages(initialMessages));
  const { upsert } = useThreadList();
  const opened = useRef({ threadId, title });
  // The header shows this thread's title even when it is not among the loaded sidebar pages.
  useEffect(() => {
    const { threadId: id, title: known } = opened.current;
    if (known) upsert({ id, title: known, updatedAt: new Date().toISOString() });
  }, [upsert]);
  const thread = useThreadChat({ threadId, isNew, initialMessages: initial, initialCursor, getModel, onRefused });
  const { chat } = thread;
  const busy = chat.status === "submitted" || chat.status === "streaming";
  const messages = chat.messages;
  const lastAssistant = messages.findLast((m) => m.role === "assistant");

  function send(text: string) {
    setRefusal(null);
    setInput("");
    thread.send(text);
    requestAnimationFrame(() => list.current?.scrollToBottom());
  }

  function changeModel(id: string) {
    setModel(id);
    window.localStorage.setItem(MODEL_KEY, id);
  }

  const composer = (
    <Composer
      value={input}
      onChange={setInput}
      onSend={send}
      onStop={() => void chat.stop()}
      busy={busy}
      models={models}
      model={model}
      onModelChange={changeModel}
      error={refusal}
      autoFocus
    />
  );

  if (messages.length === 0) {
    return (
      <main className="flex min-h-0 flex-1 flex-col">
        <EmptyChat demo={model === "demo"} onPick={setInput} />
        {composer}
      </main>
    );
  }

  return (
    <main className="flex min-h-0 flex-1 flex-col">
      <MessageList
        handle={list}
        firstMessageId={messages[0]?.id}
        hasOlder={thread.hasOlder}
        loadingOlder={thread.loadingOlder}
        olderError={thread.olderError}
        onLoadOlder={thread.loadOlder}
      >
        {messages.map((message) => {
          const meta = thread.statusOf(message);
          const isStreamingNow = busy && message === messages.at(-1) && message.role === "assistant";
          return (
            <MessageItem
              key={message.id}
              id={message.id}
              role={message.role}
              text={textOf(message)}
              status={isStreamingNow ? "streaming" : meta.status === "streaming" && !busy ? "interrupted" : (meta.status ?? "complete")}
              error={meta.error}
              onRegenerate={!busy && message === lastAssistant && message === messages.at(-1) ? thread.regenerate : undefined}
            />
          );
        })}
        {chat.status === "submitted" && messages.at(-1)?.role === "user" && (
          <div className="flex gap-3">
            <div aria-hidden className="hidden size-7 shrink-0 rounded-full border border-border bg-card sm:block" />
            <TypingDots />
          </div>
        )}
      </MessageList>
      {composer}
    </main>
  );
}
