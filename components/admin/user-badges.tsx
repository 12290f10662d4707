import { cn } from "@/lib/cn";

const STATUS_STYLE: Record<string, string> = {
  active: "border-emerald-600/40 text-emerald-700 dark:text-emerald-400",
  pending: "border-amber-600/40 text-amber-700 dark:text-amber-400",
  suspended: "border-red-600/40 text-red-700 dark:text-red-400",
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={cn("rounded-full border px-2 py-0.5 text-xs font-medium", STATUS_STYLE[status])}>{status}</span>;
}

export function RoleBadge({ role }: { role: string }) {
  return role === "admin" ? <span className="rounded-full bg-primary px-2 py-0.5 text-xs font-medium text-primary-foreground">admin</span> : null;
}
