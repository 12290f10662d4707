import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { findUsableInvitation } from "@/lib/auth/invitation-sign-in";
import { oauthProviderOptions } from "@/lib/auth/oauth-providers";
import { roleOf } from "@/lib/auth/roles";
import { acceptInvitation } from "./actions";

// The URL holds the invitation's token: it is not sent on, even to ourselves.
export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

// The invitation link lands here. Opening it changes nothing (mail scanners open every link); the button
// mails a sign-in link to the invited address, and the account is made when that link is used.
export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const invitation = await findUsableInvitation(token);
  if (!invitation) {
    return (
      <Card>
        <CardTitle>This invitation cannot be used</CardTitle>
        <CardDescription>
          Invitations work once and expire after 7 days, and whoever sent one can withdraw it. If you already accepted
          it, sign in; otherwise ask for a new one.
        </CardDescription>
        <Link href="/login" className="mt-6 inline-block text-sm font-medium underline underline-offset-4">
          Go to sign in
        </Link>
      </Card>
    );
  }
  return (
    <Card>
      <CardTitle>You&apos;re invited to Keyline</CardTitle>
      <CardDescription>
        {invitation.invitedByEmail ? <>{invitation.invitedByEmail} invited </> : <>An admin invited </>}
        <strong className="text-foreground">{invitation.email}</strong>
        {roleOf(invitation.role) === "admin" ? " as an admin" : " as a member"}. To accept, prove it&apos;s your address: we
        email a sign-in link to it.
      </CardDescription>
      <form action={acceptInvitation} className="mt-6">
        <input type="hidden" name="token" value={token} />
        <Button type="submit" className="w-full">
          Email me a sign-in link
        </Button>
      </form>
      {oauthProviderOptions().length > 0 ? (
        <p className="mt-4 text-xs text-muted-foreground">
          Or{" "}
          <Link href="/login" className="underline underline-offset-4">
            sign in
          </Link>{" "}
          with a provider account whose verified address is this one.
        </p>
      ) : null}
    </Card>
  );
}
