import "server-only";
import { after } from "next/server";
import { listActiveAdminEmails } from "@/lib/db/queries/admin-users";
import { env } from "@/lib/env";
import { isMailConfigured, sendMail } from "@/lib/mail/transport";

// SIGNUP=approval: every active admin hears of a new account that waits, with a link to its page. Sent after
// the response (the account already exists by then), one mail per admin; a mail that fails is logged and
// changes nothing for the person signing in.
export function notifyAdminsOfPendingAccount(user: { id: string; email: string | null }): void {
  const task = () => mailAdmins(user).catch((error: unknown) => console.error("[admin] pending-account mail not sent:", error instanceof Error ? error.message : error));
  try {
    after(task);
  } catch {
    // Outside a request (a script, a unit test): nothing to wait for.
    void task();
  }
}

async function mailAdmins(user: { id: string; email: string | null }) {
  if (!isMailConfigured()) return;
  const admins = await listActiveAdminEmails();
  const link = new URL(`/admin/users/${encodeURIComponent(user.id)}`, env.AUTH_URL).toString();
  const who = user.email ?? "A new account (no email address)";
  const host = new URL(env.AUTH_URL).host;
  const results = await Promise.allSettled(
    admins.map((to) =>
      sendMail({
        to,
        subject: `New Keyline account waiting for approval: ${user.email ?? user.id}`,
        text: `${who} signed up to Keyline at ${host} and waits for approval.\n\nApprove or refuse it here:\n${link}\n`,
      }),
    ),
  );
  const failed = results.filter((result) => result.status === "rejected").length;
  if (failed > 0) console.error(`[admin] pending-account mail not sent to ${failed} of ${admins.length} admins`);
}
