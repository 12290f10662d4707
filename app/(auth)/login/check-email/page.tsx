import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";

export const metadata: Metadata = { title: "Check your email" };

export default function CheckEmailPage() {
  return (
    <Card>
      <CardTitle>Check your email</CardTitle>
      <CardDescription>
        If that address can sign in to Keyline, a sign-in link is on its way. Open it on this device; it works once
        and expires in 10 minutes.
      </CardDescription>
      <p className="mt-6 text-sm text-muted-foreground">
        Nothing arrived? Check your spam folder, or{" "}
        <Link href="/login" className="font-medium text-foreground underline underline-offset-4">
          try another address
        </Link>
        .
      </p>
    </Card>
  );
}
