import Link from "next/link";

export default function ThreadNotFound() {
  return (
    <main className="flex flex-1 flex-col items-center justify-center px-4 text-center">
      <h2 className="text-xl font-semibold tracking-tight">This chat does not exist</h2>
      <p className="mt-2 max-w-sm text-sm text-muted-foreground">It may have been deleted, or the link is wrong.</p>
      <Link href="/chat" className="mt-6 rounded-lg bg-primary px-4 py-2 text-sm font-medium text-primary-foreground hover:bg-primary/90">
        Start a new chat
      </Link>
    </main>
  );
}
