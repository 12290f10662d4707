import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { env } from "@/lib/env";

export type OutgoingMail = Pick<Mail.Options, "to" | "subject" | "text" | "html">;

let smtp: nodemailer.Transporter | undefined;

export function isMailConfigured(): boolean {
  return Boolean(env.EMAIL_SERVER || env.EMAIL_OUTBOX);
}

export async function sendMail(mail: OutgoingMail): Promise<void> {
  if (env.EMAIL_SERVER) {
    smtp ??= nodemailer.createTransport(env.EMAIL_SERVER);
    const result = await smtp.sendMail({ ...mail, from: env.EMAIL_FROM });
    if (result.rejected.length > 0) throw new Error("The mail server rejected the message");
    return;
  }
  if (env.EMAIL_OUTBOX) return writeToOutbox(mail, env.EMAIL_OUTBOX);
  throw new Error("No mail transport is configured");
}

// Local runs without SMTP keep each message as an .eml file, so sign-in works offline. The log names the
// file only: mail carries sign-in links, and no secret goes to a log (`npm run local` shows the links).
async function writeToOutbox(mail: OutgoingMail, dir: string): Promise<void> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const info = await transport.sendMail({ ...mail, from: env.EMAIL_FROM });
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${info.messageId.replace(/\W/g, "")}.eml`);
  await fs.writeFile(file, info.message as Buffer, { mode: 0o600 });
  console.info(`[local outbox] mail saved in ${file}`);
}
