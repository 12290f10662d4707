import "server-only";
import NextAuth from "next-auth";
import { env } from "@/lib/env";
import { keylineAdapter } from "./adapter";
import { safeRedirectUrl } from "./callback-url";
import { authorizeSignIn } from "./authorize-sign-in";
import { linkReasonOf, recordAccountLinked } from "./linking";
import { sessionCookie } from "./session-cookie";
import { configuredProviders } from "./providers";
import { recordSignIn } from "./record-sign-in";
import { currentSignInContext } from "./sign-in-context";
import { generateToken } from "./tokens";

const maxAgeSeconds = Math.floor(env.SESSION_MAX_AGE / 1000);

export const { handlers, signIn, signOut } = NextAuth({
  adapter: keylineAdapter(),
  secret: env.AUTH_SECRET,
  trustHost: true,
  useSecureCookies: env.useSecureCookies,
  // __Host- on https rather than Auth.js's __Secure- (lib/auth/cookie-names.ts).
  cookies: { sessionToken: sessionCookie },
  providers: configuredProviders(),
  session: {
    strategy: "database",
    maxAge: maxAgeSeconds,
    // Equal to maxAge: Auth.js never extends the absolute lifetime; session-store slides the idle timeout.
    updateAge: maxAgeSeconds,
    generateSessionToken: () => generateToken(),
  },
  pages: { signIn: "/login", verifyRequest: "/login/check-email", error: "/login/error" },
  callbacks: {
    redirect: ({ url, baseUrl }) => safeRedirectUrl(url, baseUrl),
    // The sign-up policy, suspensions and the account-linking rules (lib/auth/authorize-sign-in.ts).
    signIn: (params) => authorizeSignIn(params),
  },
  events: {
    async signIn({ user, account }) {
      if (!user.id) return;
      // Linking from settings goes through Auth.js's sign-in but signs nobody in: linkAccount logs it.
      if (linkReasonOf(account) === "settings") return;
      const context = currentSignInContext();
      await recordSignIn({
        userId: user.id,
        email: user.email ?? null,
        method: account?.provider ?? context.method ?? "unknown",
        request: context,
      });
    },
    linkAccount: ({ user, account }) => recordAccountLinked({ userId: user.id, account }),
  },
  logger: {
    // Auth.js logs whole error objects, which can carry request URLs with tokens; keep the type only.
    // (`type` survives minification; `name` does not.)
    error: (error) => {
      const type = (error as { type?: string }).type ?? error.name;
      const message = type === "ZodError" ? "invalid email address refused" : error.message.split("\n")[0]?.slice(0, 200);
      console.error(`[auth] ${type}: ${message}`);
    },
    warn: (code) => console.warn(`[auth] warning ${code}`),
    debug: () => {},
  },
});
