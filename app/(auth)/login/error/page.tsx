import type { Metadata } from "next";
import { SignInNotice } from "@/components/auth/sign-in-notice";
import { signInErrorMessage } from "@/lib/auth/error-messages";

export const metadata: Metadata = { title: "Sign-in problem" };

type Props = { searchParams: Promise<{ error?: string | string[] }> };

export default async function SignInErrorPage({ searchParams }: Props) {
  const { error } = await searchParams;
  const { title, description } = signInErrorMessage(Array.isArray(error) ? error[0] : error);
  return <SignInNotice title={title} description={description} />;
}
