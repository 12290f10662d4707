import { UAParser } from "ua-parser-js";

// "Chrome 156 on Linux": enough for a person to recognise their device in a list.
export function describeDevice(userAgent: string | null | undefined): string {
  if (!userAgent) return "Unknown device";
  const { browser, os, device } = UAParser(userAgent);
  const name = [browser.name, browser.major].filter(Boolean).join(" ") || "Unknown browser";
  const system = [os.name, device.model].filter(Boolean).join(" ");
  return system ? `${name} on ${system}` : name;
}
