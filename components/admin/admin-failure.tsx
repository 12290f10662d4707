import { ReauthLink } from "@/components/auth/reauth-link";
import { Alert } from "@/components/ui/alert";

export type AdminFailure = { message: string; reauthenticate: boolean };

// An admin write that was refused: the reason, and the way back when it wants a recent sign-in.
export function AdminFailureAlert({ failure, reauthenticateUrl }: { failure: AdminFailure | null; reauthenticateUrl: string }) {
  if (!failure) return null;
  return (
    <Alert>
      {failure.message}
      {failure.reauthenticate ? <ReauthLink href={reauthenticateUrl} /> : null}
    </Alert>
  );
}
