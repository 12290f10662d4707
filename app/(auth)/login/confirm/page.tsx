import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { env } from "@/lib/env";
import { emailAddress } from "@/lib/validations/auth";

// The URL holds a single-use token: it is not sent on, even to ourselves (the form below is a GET).
export const metadata: Metadata = { title: "Confirm sign-in", referrer: "no-referrer" };

const linkParams = z.object({
  token: z.string().regex(/^[\w-]{16,256}$/),
  email: emailAddress,
  callbackUrl: z.string().optional(),
});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The magic link lands here; only the button below spends the single-use token.
export default async function ConfirmSignInPage({ searchParams }: Props) {
  const raw = await searchParams;
  const parsed = linkParams.safeParse({
    token: typeof raw.token === "string" ? raw.token : undefined,
    email: typeof raw.email === "string" ? raw.email : undefined,
    callbackUrl: typeof raw.callbackUrl === "string" ? raw.callbackUrl : undefined,
  });

  if (!parsed.success) {
    return (
      <Card>
        <CardTitle>This link is incomplete</CardTitle>
        <CardDescription>Open the link from the email exactly as it arrived, or request a new one.</CardDescription>
        <Link href="/login" className="mt-6 inline-block text-sm font-medium underline underline-offset-4">
          Back to sign in
        </Link>
      </Card>
    );
  }

  const { token, email, callbackUrl } = parsed.data;
  return (
    <Card>
      <CardTitle>Sign in to Keyline</CardTitle>
      <CardDescription>
        Continue as <strong className="text-foreground">{email}</strong>.
      </CardDescription>
      <form method="get" action="/api/auth/callback/email" className="mt-6">
        <input type="hidden" name="callbackUrl" value={safeCallbackPath(callbackUrl, undefined, env.AUTH_URL)} />
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="email" value={email} />
        <Button type="submit" className="w-full">
          Sign in
        </Button>
      </form>
      <p className="mt-4 text-xs text-muted-foreground">Didn&apos;t ask to sign in? Close this page; nothing happens.</p>
    </Card>
  );
}
