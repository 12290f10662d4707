import { Time } from "@/components/ui/time";

type Props = {
  budget: { kind: "default" | "own" | "exempt" | "none"; description: string | null };
  window: { start: Date; end: Date; used: number; limit: number | null };
};

const tokens = (value: number) => value.toLocaleString("en-US");

const BUDGET_TEXT = {
  default: (description: string | null) => `Budget: ${description} (the deployment's default).`,
  own: (description: string | null) => `Budget: ${description} (set for this account by an administrator).`,
  exempt: () => "No token budget: this account is exempt.",
  none: () => "No token budget applies. The window below is today (UTC).",
};

// The budget window: how much of it is used, and when it starts again.
export function UsageWindow({ budget, window }: Props) {
  const share = window.limit ? Math.min(1, window.used / window.limit) : null;
  const over = window.limit !== null && window.used >= window.limit;
  return (
    <div className="space-y-3" data-testid="usage-window">
      <p className="text-sm text-muted-foreground">{BUDGET_TEXT[budget.kind](budget.description)}</p>
      <p className="text-2xl font-semibold tabular-nums">
        <span data-testid="usage-window-used">{tokens(window.used)}</span>
        {window.limit !== null ? <span className="text-base font-normal text-muted-foreground"> of {tokens(window.limit)} tokens</span> : <span className="text-base font-normal text-muted-foreground"> tokens</span>}
      </p>
      {share !== null ? (
        <div
          role="meter"
          aria-label="Budget used"
          aria-valuemin={0}
          aria-valuemax={window.limit ?? 0}
          aria-valuenow={Math.min(window.used, window.limit ?? 0)}
          className="h-2 overflow-hidden rounded-full bg-muted"
        >
          <div className={over ? "h-full bg-destructive" : "h-full bg-primary"} style={{ width: `${Math.round(share * 100)}%` }} />
        </div>
      ) : null}
      <p className="text-sm text-muted-foreground">
        {over ? "Budget used up. " : ""}
        Window <Time value={window.start} /> – resets <Time value={window.end} />.
      </p>
    </div>
  );
}
