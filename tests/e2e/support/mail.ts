import { expect } from "@playwright/test";
import { ports } from "../../support/ports";

export type CapturedMail = { to: string[]; subject: string; text: string; html: string };

const api = `http://127.0.0.1:${ports.mailHttp}`;

export async function mailTo(address: string): Promise<CapturedMail[]> {
  const response = await fetch(`${api}/messages?to=${encodeURIComponent(address)}`);
  return ((await response.json()) as { messages: CapturedMail[] }).messages;
}

export async function waitForMail(address: string, count = 1): Promise<CapturedMail> {
  let messages: CapturedMail[] = [];
  await expect
    .poll(async () => (messages = await mailTo(address)).length, { message: `mail to ${address}`, timeout: 15_000 })
    .toBeGreaterThanOrEqual(count);
  return messages[count - 1]!;
}

// The link as a person would click it: taken from the text part of the parsed mail.
export function linkIn(mail: CapturedMail): string {
  const match = mail.text.match(/https?:\/\/\S+/);
  if (!match) throw new Error(`no link in mail: ${mail.text}`);
  return match[0];
}
