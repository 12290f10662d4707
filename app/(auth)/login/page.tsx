import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { EmailSignInForm } from "@/components/auth/email-sign-in-form";
import { PasskeySignIn } from "@/components/auth/passkey-sign-in";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { Alert } from "@/components/ui/alert";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { getCurrentSession } from "@/lib/auth/guard";
import { oauthProviderOptions } from "@/lib/auth/oauth-providers";
import { enabledSignInMethods } from "@/lib/auth/providers";
import { requestMagicLink } from "./actions";
import { signInWithProvider } from "./oauth-actions";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string | string[]; reauth?: string; error?: string | string[] }> };

export default async function LoginPage({ searchParams }: Props) {
  const { callbackUrl: raw, reauth, error } = await searchParams;
  // Auth.js sends some errors (a declined OAuth consent, for one) to pages.signIn instead of pages.error.
  const errorCode = Array.isArray(error) ? error[0] : error;
  if (errorCode) redirect(`/login/error?${new URLSearchParams({ error: errorCode })}`);
  const callbackUrl = safeCallbackPath(Array.isArray(raw) ? raw[0] : raw);
  // reauth=1: a signed-in user confirming it is them before a sensitive change.
  const reauthenticating = reauth === "1";
  if (!reauthenticating && (await getCurrentSession())) redirect(callbackUrl);
  const methods = enabledSignInMethods();
  const anyMethod = Object.values(methods).some(Boolean);

  return (
    <Card>
      <CardTitle>{reauthenticating ? "Confirm it's you" : "Sign in to Keyline"}</CardTitle>
      <CardDescription>
        {reauthenticating ? "Sign in again to continue with a security change." : "No password needed."}
      </CardDescription>
      <div className="mt-6 space-y-4">
        {methods.email ? <EmailSignInForm action={requestMagicLink} callbackUrl={callbackUrl} /> : null}
        <PasskeySignIn callbackUrl={callbackUrl} />
        <OAuthButtons action={signInWithProvider} callbackUrl={callbackUrl} providers={oauthProviderOptions()} divider={methods.email} />
        {anyMethod ? null : (
          <Alert>No sign-in method is configured on this server. Whoever runs Keyline must set up email or a provider.</Alert>
        )}
      </div>
    </Card>
  );
}
