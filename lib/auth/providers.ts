import "server-only";
import type { Provider } from "next-auth/providers";
import Nodemailer from "next-auth/providers/nodemailer";
import { env } from "@/lib/env";
import { sendMagicLink } from "@/lib/mail/magic-link";
import { isMailConfigured } from "@/lib/mail/transport";
import { emailAddress } from "@/lib/validations/auth";
import { configuredOAuthProviders, oauthProviderOptions } from "./oauth-providers";
import { currentSignInContext } from "./sign-in-context";
import { limitMagicLinkMail } from "./sign-in-limits";

export const MAGIC_LINK_MAX_AGE_SECONDS = 10 * 60;

// Sign-in methods appear only when configured; /login renders the same list.
export function configuredProviders(): Provider[] {
  const providers: Provider[] = [];
  if (isMailConfigured()) {
    providers.push(
      Nodemailer({
        id: "email",
        name: "Email",
        // Unused: sendVerificationRequest below picks SMTP or the local outbox.
        server: env.EMAIL_SERVER ?? "smtp://unused.invalid",
        from: env.EMAIL_FROM,
        maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
        // Also guards direct POSTs to /api/auth/signin/email that bypass our form.
        normalizeIdentifier: (identifier) => emailAddress.parse(identifier),
        sendVerificationRequest: async ({ identifier, url, expires }) => {
          // The per-address limit, on the very address about to be mailed. Over it, nothing is sent and the
          // caller (our form, or the route wrapper for direct POSTs) answers "too many" for any address alike.
          const limited = await limitMagicLinkMail(identifier);
          if (limited) {
            currentSignInContext().mailLimited = limited;
            return;
          }
          await sendMagicLink({ to: identifier, url, expires });
        },
      }),
    );
  }
  providers.push(...configuredOAuthProviders());
  return providers;
}

export function enabledSignInMethods() {
  return { email: isMailConfigured(), oauth: oauthProviderOptions().length > 0 };
}
