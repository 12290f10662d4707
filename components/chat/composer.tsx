"use client";

import { ArrowUp, Square } from "lucide-react";
import { useEffect, useRef, type FormEvent, type KeyboardEvent } from "react";
import { cn } from "@/lib/cn";
import { MAX_MESSAGE_CHARS, messageProblem } from "@/lib/validations/chat";
import { ModelPicker, type ModelOption } from "./model-picker";

type Props = {
  value: string;
  onChange: (value: string) => void;
  onSend: (text: string) => void;
  onStop: () => void;
  busy: boolean;
  models: ModelOption[];
  model: string;
  onModelChange: (id: string) => void;
  error: string | null;
  autoFocus?: boolean;
};

export function Composer({ value, onChange, onSend, onStop, busy, models, model, onModelChange, error, autoFocus }: Props) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  const tooLong = value.length > MAX_MESSAGE_CHARS;
  const problem = tooLong ? messageProblem(value) : null;
  const canSend = !busy && value.trim().length > 0 && !tooLong;

  // Grow with the text up to a third of the screen, then scroll.
  useEffect(() => {
    const element = textarea.current;
    if (!element) return;
    element.style.height = "auto";
    element.style.height = `${Math.min(element.scrollHeight, window.innerHeight / 3)}px`;
  }, [value]);

  useEffect(() => {
    if (autoFocus) textarea.current?.focus();
  }, [autoFocus]);

  // Text typed before the page finished loading is in the element but not yet in state.
  const adopted = useRef(false);
  useEffect(() => {
    if (adopted.current) return;
    adopted.current = true;
    const typed = textarea.current?.value;
    if (typed && typed !== value) onChange(typed);
  }, [value, onChange]);

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (canSend) onSend(value);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter sends, Shift+Enter is a new line; never while an input method is composing text.
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  }

  return (
    <div className="mx-auto w-full max-w-3xl px-3 pb-3 sm:px-4 sm:pb-4">
      {(error || problem) && (
        <p role="alert" className="mb-2 rounded-lg border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive">
          {problem?.message ?? error}
        </p>
      )}
      <form
        onSubmit={submit}
        className={cn(
          "rounded-2xl border border-border bg-card shadow-sm transition-shadow focus-within:shadow-md focus-within:ring-1 focus-within:ring-ring/40",
          tooLong && "border-destructive/60",
        )}
      >
        <label htmlFor="composer" className="sr-only">
          Message
        </label>
        <textarea
          id="composer"
          ref={textarea}
          rows={1}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={onKeyDown}
          placeholder="Message Keyline"
          aria-invalid={tooLong || undefined}
          className="block max-h-[33dvh] w-full resize-none bg-transparent px-4 pt-3.5 pb-1 text-base leading-6 sm:text-[15px] placeholder:text-muted-foreground focus:outline-none"
        />
        <div className="flex items-center justify-between gap-2 px-2 pb-2">
          <ModelPicker models={models} value={model} onChange={onModelChange} disabled={busy} />
          <div className="flex items-center gap-2">
            {value.length > MAX_MESSAGE_CHARS * 0.9 && (
              <span className={cn("text-xs tabular-nums", tooLong ? "text-destructive" : "text-muted-foreground")}>
                {value.length.toLocaleString("en-US")} / {MAX_MESSAGE_CHARS.toLocaleString("en-US")}
              </span>
            )}
            {busy ? (
              <button
                type="button"
                onClick={onStop}
                aria-label="Stop generating"
                className="inline-flex size-8 items-center justify-center rounded-full bg-foreground text-background transition-opacity hover:opacity-85 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2"
              >
                <Square aria-hidden className="size-3 fill-current" />
              </button>
            ) : (
              <button
                type="submit"
                disabled={!canSend}
                aria-label="Send message"
                className="inline-flex size-8 items-center justify-center rounded-full bg-foreground text-background transition-opacity hover:opacity-85 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 disabled:opacity-30"
              >
                <ArrowUp aria-hidden className="size-4" />
              </button>
            )}
          </div>
        </div>
      </form>
      <p className="mt-2 hidden text-center text-xs text-muted-foreground sm:block">
        Enter to send · Shift+Enter for a new line · Ctrl+Shift+O for a new chat
      </p>
    </div>
  );
}
