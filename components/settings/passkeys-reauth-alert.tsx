import { Alert } from "@/components/ui/alert";
import { ReauthLink } from "@/components/auth/reauth-link";

// A refusal that the person can resolve: shows the reason, and a way to sign in again when that is the fix.
export function PasskeysReauthAlert({ message, reauthUrl, needsReauth }: { message: string; reauthUrl: string; needsReauth: boolean }) {
  return (
    <Alert>
      {message}
      {needsReauth ? (
        <ReauthLink href={reauthUrl} />
      ) : null}
    </Alert>
  );
}
