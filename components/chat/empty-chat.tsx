import { Info } from "lucide-react";

const SUGGESTIONS = [
  "Explain how passkeys work, in plain words",
  "Write a TypeScript function that debounces another",
  "Draft a friendly reminder about an unpaid invoice",
  "Compare SQLite and PostgreSQL for a small team",
];

export function EmptyChat({ onPick, demo }: { onPick: (text: string) => void; demo: boolean }) {
  return (
    <div className="flex min-h-0 flex-1 flex-col items-center justify-center overflow-y-auto px-4 py-8">
      <div aria-hidden className="mb-5 flex size-12 items-center justify-center rounded-2xl border border-border bg-card shadow-sm">
        <svg viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="2">
          <circle cx="8" cy="12" r="4" />
          <path d="M12 12h9M18 12v3M21 12v2" strokeLinecap="round" />
        </svg>
      </div>
      <h2 className="text-center text-2xl font-semibold tracking-tight">What can I help with?</h2>
      {demo && (
        <p className="mt-3 flex max-w-md items-start gap-2 rounded-lg border border-border bg-muted/60 px-3 py-2 text-sm text-muted-foreground">
          <Info aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span>The built-in demo model is selected. It streams a canned reply; pick another model, or configure one, for real answers.</span>
        </p>
      )}
      <ul aria-label="Suggestions" className="mt-8 grid w-full max-w-2xl gap-2 sm:grid-cols-2">
        {SUGGESTIONS.map((suggestion, index) => (
          <li key={suggestion} className={index >= 2 ? "hidden sm:block" : undefined}>
            <button
              type="button"
              onClick={() => onPick(suggestion)}
              className="h-full w-full rounded-xl border border-border bg-card px-4 py-3 text-left text-sm text-muted-foreground transition-colors hover:bg-muted hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
            >
              {suggestion}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
