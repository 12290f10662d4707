import Link from "next/link";
import { Alert } from "@/components/ui/alert";

// A refusal that the person can resolve: shows the reason, and a way to sign in again when that is the fix.
export function PasskeysReauthAlert({ message, reauthUrl, needsReauth }: { message: string; reauthUrl: string; needsReauth: boolean }) {
  return (
    <Alert>
      {message}
      {needsReauth ? (
        <>
          {" "}
          <Link href={reauthUrl} className="font-medium underline underline-offset-4">
            Sign in again
          </Link>
        </>
      ) : null}
    </Alert>
  );
}
