import type { Metadata } from "next";
import { ConsentButtons } from "@/components/oauth/consent-buttons";
import { ConsentCard, ConsentExpired } from "@/components/oauth/consent-card";
import { requireUser } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { loadConsent, type ConsentView } from "@/lib/oauth/consent";
import { SCOPE_WORDS } from "@/lib/oauth/scopes";
import { answerConsentAction } from "./actions";

export const metadata: Metadata = { title: "Connect an app" };

// An app asks to act as the signed-in user (oidc-provider sent the browser here).
export default async function ConsentPage({ params }: { params: Promise<{ uid: string }> }) {
  const user = await requireUser();
  const { uid } = await params;
  let view: ConsentView;
  try {
    view = await loadConsent(uid);
  } catch (error) {
    if (error instanceof AppError && error.kind === "not_found") return <ConsentExpired message={error.message} />;
    throw error;
  }
  const scopes = view.scopes.map((scope) => ({ scope, words: SCOPE_WORDS[scope] ?? scope }));
  return (
    <ConsentCard view={view} scopes={scopes} account={user.email ?? user.name ?? "your account"}>
      <ConsentButtons field={{ name: "uid", value: view.uid }} answer={answerConsentAction} />
    </ConsentCard>
  );
}
