import { UAParser } from "ua-parser-js";

// A first name a person recognises ("Chrome on macOS"); they can rename it in settings.
export function defaultPasskeyName(userAgent: string | null): string {
  if (!userAgent) return "Passkey";
  const { browser, os } = UAParser(userAgent);
  if (browser.name && os.name) return `${browser.name} on ${os.name}`.slice(0, 60);
  return (browser.name ?? os.name ?? "Passkey").slice(0, 60);
}
