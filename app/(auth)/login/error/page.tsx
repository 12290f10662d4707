import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { signInErrorMessage } from "@/lib/auth/error-messages";

export const metadata: Metadata = { title: "Sign-in problem" };

type Props = { searchParams: Promise<{ error?: string | string[] }> };

export default async function SignInErrorPage({ searchParams }: Props) {
  const { error } = await searchParams;
  const { title, description } = signInErrorMessage(Array.isArray(error) ? error[0] : error);
  return (
    <Card>
      <CardTitle>{title}</CardTitle>
      <CardDescription>{description}</CardDescription>
      <Link
        href="/login"
        className="mt-6 inline-flex h-10 w-full items-center justify-center rounded-md bg-primary px-4 text-sm font-medium text-primary-foreground hover:bg-primary/90"
      >
        Back to sign in
      </Link>
    </Card>
  );
}
