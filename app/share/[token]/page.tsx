import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SharedThread } from "@/components/share/shared-thread";
import { findModel } from "@/lib/ai/models";
import { getCurrentSession } from "@/lib/auth/guard";
import { loadSharedPage } from "@/lib/shares/page-data";
import "../../(chat)/chat.css";

type Props = { params: Promise<{ token: string }> };

// Public: the token is the credential. Nothing here names the owner unless they chose it, and the page is
// never indexed or sent as a referrer (middleware.ts adds the same as headers).
const PRIVATE: Metadata = { robots: { index: false, follow: false }, referrer: "no-referrer" };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await loadSharedPage((await params).token);
  return { ...PRIVATE, title: data.kind === "ok" ? data.snapshot.share.title : "Shared chat" };
}

export default async function SharedThreadPage({ params }: Props) {
  const { token } = await params;
  const data = await loadSharedPage(token);
  if (data.kind === "not_found") notFound();
  if (data.kind === "rate_limited") {
    return (
      <main className="mx-auto max-w-md px-4 py-24 text-center">
        <h1 className="text-xl font-semibold tracking-tight">Too many requests</h1>
        <p className="mt-2 text-sm text-muted-foreground">Too many shared-link requests came from your network. Please wait a minute and reload.</p>
      </main>
    );
  }
  const { share, messages } = data.snapshot;
  const signedIn = Boolean(await getCurrentSession());
  return (
    <SharedThread
      token={token}
      title={share.title}
      modelLabel={findModel(share.model)?.label ?? share.model}
      createdAt={share.createdAt}
      ownerName={share.ownerName}
      messages={messages}
      signedIn={signedIn}
      signInHref={`/login?${new URLSearchParams({ callbackUrl: `/share/${token}` })}`}
    />
  );
}
