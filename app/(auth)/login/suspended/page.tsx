import type { Metadata } from "next";
import { SignInNotice } from "@/components/auth/sign-in-notice";
import { statusOf } from "@/lib/auth/roles";
import { suspendedMessage } from "@/lib/auth/suspended-message";
import { readSuspensionTicket } from "@/lib/auth/suspension-notice";
import { findUserStanding } from "@/lib/db/queries/users";

export const metadata: Metadata = { title: "Account suspended" };

type Props = { searchParams: Promise<{ ticket?: string | string[] }> };

// Reached only from a refused sign-in (lib/auth/standing.ts) with a signed ticket naming the account.
export default async function SuspendedPage({ searchParams }: Props) {
  const { ticket } = await searchParams;
  const userId = readSuspensionTicket(Array.isArray(ticket) ? ticket[0] : ticket);
  const user = userId ? await findUserStanding({ userId }) : null;
  const suspended = user !== null && statusOf(user.status) === "suspended";
  return (
    <SignInNotice
      title={suspended ? "This account is suspended" : "Sign-in did not complete"}
      description={suspended ? suspendedMessage(user.suspendedReason) : "This notice has expired or the account is no longer suspended. Please sign in again."}
    />
  );
}
