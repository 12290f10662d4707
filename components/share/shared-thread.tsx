import Link from "next/link";
import { MessageItem } from "@/components/chat/message-item";
import { Logo } from "@/components/ui/logo";
import { Time } from "@/components/ui/time";
import type { ApiMessage } from "@/lib/chat/serialize";
import { ContinueButton } from "./continue-button";

type Props = {
  token: string;
  title: string;
  modelLabel: string;
  createdAt: string;
  ownerName: string | null;
  messages: ApiMessage[];
  signedIn: boolean;
  signInHref: string;
};

// The read-only snapshot behind a share link, rendered with the chat's own message view and safe Markdown.
export function SharedThread({ token, title, modelLabel, createdAt, ownerName, messages, signedIn, signInHref }: Props) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex h-14 shrink-0 items-center justify-between gap-3 border-b border-border px-4">
        <Link href="/" aria-label="Keyline home">
          <Logo />
        </Link>
        {signedIn ? (
          <ContinueButton token={token} />
        ) : (
          <Link href={signInHref} className="rounded-md px-2 py-1 text-sm hover:bg-muted">
            Sign in to continue this chat
          </Link>
        )}
      </header>
      <main className="mx-auto w-full max-w-3xl flex-1 px-4 py-8">
        <div className="mb-8 border-b border-border pb-4">
          <p className="text-xs font-medium uppercase tracking-wide text-muted-foreground">Shared chat</p>
          <h1 className="mt-1 break-words text-2xl font-semibold tracking-tight">{title}</h1>
          <p className="mt-2 text-sm text-muted-foreground" data-testid="share-meta">
            Model: {modelLabel} · Shared <Time value={new Date(createdAt)} />
            {ownerName ? <> · by {ownerName}</> : null}
          </p>
        </div>
        {messages.length === 0 ? (
          <p className="text-sm text-muted-foreground">This shared chat has no messages.</p>
        ) : (
          <div className="flex flex-col gap-6" aria-label="Shared messages" role="feed">
            {messages.map((message) => (
              <MessageItem
                key={message.id}
                id={message.id}
                role={message.role}
                text={message.parts.map((part) => part.text).join("\n")}
                status={message.status}
                error={message.error}
              />
            ))}
          </div>
        )}
        <p className="mt-10 border-t border-border pt-4 text-xs text-muted-foreground">
          A snapshot taken when the link was made. Later messages in the original chat are not shown here.
        </p>
      </main>
    </div>
  );
}
