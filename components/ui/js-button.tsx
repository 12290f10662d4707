"use client";

import { Button, type ButtonProps } from "./button";
import { useHydrated } from "./use-hydrated";

// A button that only works through JavaScript (an onClick, no form to fall back on): disabled until React
// has hydrated, so a click in the first moments after the page shows is not silently lost.
export function JsButton({ disabled, ...props }: ButtonProps) {
  const hydrated = useHydrated();
  return <Button {...props} disabled={!hydrated || disabled} />;
}
