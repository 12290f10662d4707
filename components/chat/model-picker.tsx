"use client";

import { ChevronDown } from "lucide-react";

export type ModelOption = { id: string; label: string };

export function ModelPicker({ models, value, onChange, disabled }: { models: ModelOption[]; value: string; onChange: (id: string) => void; disabled?: boolean }) {
  return (
    <div className="relative">
      <select
        aria-label="Model"
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
        className="h-8 max-w-48 appearance-none truncate rounded-lg border border-transparent bg-transparent py-1 pl-2.5 pr-7 text-xs font-medium text-muted-foreground transition-colors hover:bg-muted hover:text-foreground focus-visible:border-border focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring disabled:opacity-60"
      >
        {models.map((model) => (
          <option key={model.id} value={model.id}>
            {model.label}
          </option>
        ))}
      </select>
      <ChevronDown aria-hidden className="pointer-events-none absolute right-2 top-1/2 size-3.5 -translate-y-1/2 text-muted-foreground" />
    </div>
  );
}
