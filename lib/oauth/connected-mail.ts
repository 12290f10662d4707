import "server-only";
import { findUserEmail } from "@/lib/db/queries/users";
import { env } from "@/lib/env";
import type { RequestInfo } from "@/lib/http/request-info";
import { isMailConfigured, sendMail } from "@/lib/mail/transport";
import { describeDevice } from "@/lib/security/device";
import { SCOPE_WORDS } from "./scopes";

// A new connected app, like a sign-in from a new device, is worth a mail: whoever holds the user's session
// (or talked them into typing a code) can connect an app that keeps access after they sign out.
export async function mailAppConnected(input: {
  userId: string;
  app: { name: string; identity: string };
  scope: string;
  via: "browser" | "device";
  request: RequestInfo;
}): Promise<void> {
  if (!isMailConfigured()) return;
  const email = await findUserEmail({ userId: input.userId });
  if (!email) return;
  const scopes = input.scope.split(" ").filter((scope) => scope in SCOPE_WORDS);
  const allowed = scopes.length > 0 ? scopes.map((scope) => `- ${SCOPE_WORDS[scope]} (${scope})`).join("\n") : "- Nothing beyond knowing you connected it";
  const how = input.via === "device" ? "with a code typed on the device sign-in page" : "from the consent page";
  const where = `${describeDevice(input.request.userAgent)}${input.request.ip ? ` at ${input.request.ip}` : ""}`;
  try {
    await sendMail({
      to: email,
      subject: `New app connected to your Keyline account: ${input.app.name}`,
      text:
        `An app was connected to your Keyline account ${how}, at ${new Date().toUTCString()} (${where}).\n\n` +
        `App: ${input.app.name} (${input.app.identity})\nIt can:\n${allowed}\n\n` +
        `If this was you, there is nothing to do. If not, open ${env.AUTH_URL}/settings/security#connected-apps, disconnect it, and sign out everywhere.\n`,
    });
  } catch (error) {
    console.error("[oauth] app-connected mail not sent:", error instanceof Error ? error.message : error);
  }
}
