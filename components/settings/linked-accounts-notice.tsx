"use client";

import { useSearchParams } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { linkErrorMessage } from "@/lib/auth/error-messages";
import { ReauthLink } from "@/components/auth/reauth-link";

type Props = { providerNames: Record<string, string>; linked: string[]; reauthUrl: string };

// The outcome of a link or unlink started from this page: the provider's round trip ends back here
// (?linked=<provider>, or ?linkError=<code>&provider=<provider> from lib/auth/linking.ts), and so does
// a successful unlink (?unlinked=<provider>).
export function LinkedAccountsNotice({ providerNames, linked, reauthUrl }: Props) {
  const params = useSearchParams();
  const nameOf = (id: string | null) => (id && Object.hasOwn(providerNames, id) ? providerNames[id] : null);

  const error = params.get("linkError");
  const errorProvider = nameOf(params.get("provider"));
  const message = errorProvider ? linkErrorMessage(error ?? undefined, errorProvider) : null;
  if (message) {
    return (
      <Alert className="mb-4">
        {message}
        {error === "reauthenticate" ? (
          <ReauthLink href={reauthUrl} />
        ) : null}
      </Alert>
    );
  }

  // Shown only when the list agrees, so a hand-made URL cannot claim a change that did not happen.
  const unlinkedId = params.get("unlinked");
  const unlinkedName = nameOf(unlinkedId);
  if (unlinkedId && unlinkedName && !linked.includes(unlinkedId)) {
    return (
      <Alert tone="info" className="mb-4">
        {unlinkedName} is no longer linked. You can no longer sign in with it.
      </Alert>
    );
  }

  const linkedId = params.get("linked");
  const linkedName = nameOf(linkedId);
  if (linkedId && linkedName && linked.includes(linkedId)) {
    return (
      <Alert tone="info" className="mb-4">
        {linkedName} is now linked. You can sign in with it from now on.
      </Alert>
    );
  }
  return null;
}
