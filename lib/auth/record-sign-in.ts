import "server-only";
import { recentSignInUserAgents, recordSecurityEvent } from "@/lib/db/queries/security-events";
import { findUserEmail } from "@/lib/db/queries/users";
import { env } from "@/lib/env";
import { isMailConfigured, sendMail } from "@/lib/mail/transport";
import type { RequestInfo } from "@/lib/http/request-info";
import { describeDevice } from "@/lib/security/device";

// Every sign-in, whatever the method, goes to the security log; a browser and OS this user has not
// signed in from before also gets a "new device" event and, when mail works, a mail to the user.
export async function recordSignIn(input: {
  userId: string;
  email?: string | null;
  method: string;
  request: RequestInfo;
  detail?: Record<string, string>;
}) {
  const now = new Date();
  const device = describeDevice(input.request.userAgent);
  const earlier = await recentSignInUserAgents({ userId: input.userId, before: now });
  await recordSecurityEvent({ userId: input.userId, type: "sign_in", request: input.request, detail: { ...input.detail, method: input.method, device } });

  const newDevice = earlier.length > 0 && !earlier.some((userAgent) => describeDevice(userAgent) === device);
  if (!newDevice) return;
  await recordSecurityEvent({ userId: input.userId, type: "new_device", request: input.request, detail: { device } });
  const email = input.email === undefined ? await findUserEmail({ userId: input.userId }) : input.email;
  if (!email || !isMailConfigured()) return;
  const where = input.request.ip ? ` from ${input.request.ip}` : "";
  try {
    await sendMail({
      to: email,
      subject: "New sign-in to your Keyline account",
      text: `Your Keyline account was signed in to from a new device: ${device}${where}, at ${now.toUTCString()}.\n\nIf this was you, there is nothing to do. If not, open ${env.AUTH_URL}/settings/security, sign out everywhere, and remove any passkey or linked account you do not recognise.\n`,
    });
  } catch (error) {
    console.error("[auth] new-device mail not sent:", error instanceof Error ? error.message : error);
  }
}
