import type { ReactNode } from "react";
import { Logo } from "@/components/ui/logo";

export default function OAuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-muted/40 px-4 py-10">
      <Logo className="mb-6 text-lg" />
      <div className="w-full max-w-md">{children}</div>
    </main>
  );
}
