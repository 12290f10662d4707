import Link from "next/link";

// Follows a "sign in again first" refusal (lib/auth/recent-sign-in.ts) with the way to resolve it.
export function ReauthLink({ href }: { href: string }) {
  return (
    <>
      {" "}
      <Link href={href} className="font-medium underline underline-offset-4">
        Sign in again
      </Link>
    </>
  );
}
