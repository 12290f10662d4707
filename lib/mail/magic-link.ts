import "server-only";
import { env } from "@/lib/env";
import { sendMail } from "./transport";

// The mailed link opens our confirmation page rather than the Auth.js callback, so mail scanners that
// open every link cannot use up the single-use token before the person clicks.
export function confirmationUrl(callbackUrl: string): string {
  const callback = new URL(callbackUrl);
  const url = new URL("/login/confirm", env.AUTH_URL);
  for (const key of ["token", "email", "callbackUrl"]) {
    const value = callback.searchParams.get(key);
    if (value) url.searchParams.set(key, value);
  }
  return url.toString();
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export async function sendMagicLink({ to, url, expires }: { to: string; url: string; expires: Date }) {
  const link = confirmationUrl(url);
  const minutes = Math.max(1, Math.round((expires.getTime() - Date.now()) / 60_000));
  const host = new URL(env.AUTH_URL).host;
  await sendMail({
    to,
    subject: `Sign in to Keyline (${host})`,
    text: `Sign in to Keyline at ${host}:\n\n${link}\n\nThe link works once and expires in ${minutes} minutes.\nIf you did not ask for it, ignore this mail.\n`,
    html: `<p>Sign in to Keyline at <strong>${escapeHtml(host)}</strong>.</p>
<p><a href="${escapeHtml(link)}">Sign in</a></p>
<p>The link works once and expires in ${minutes} minutes. If you did not ask for it, ignore this mail.</p>`,
  });
}
