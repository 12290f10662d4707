import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Chat" };

export default async function ChatHomePage() {
  const user = await requireUser();
  return (
    <main className="mx-auto flex w-full max-w-2xl flex-1 flex-col items-center justify-center px-4 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">Welcome{user.name ? `, ${user.name}` : ""}</h1>
      <p className="mt-2 text-muted-foreground">You are signed in as {user.email}.</p>
    </main>
  );
}
