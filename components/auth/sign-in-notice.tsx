import Link from "next/link";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";

// A sign-in that could not go on (an error, a suspended account): what happened, and the way back.
export function SignInNotice({ title, description }: { title: string; description: string }) {
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
