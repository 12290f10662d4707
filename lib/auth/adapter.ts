import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter, AdapterAccount } from "next-auth/adapters";
import { db } from "@/lib/db/client";
import { admitNewUser } from "./admission";
import { createSession, deleteSessionToken, validateSessionToken } from "./session-store";
import { currentSignInContext } from "./sign-in-context";

// Auth.js's Prisma adapter, with the session methods routed through session-store (hashed tokens,
// device data, idle timeout) and account linking that keeps no provider tokens.
export function keylineAdapter(): Adapter {
  const base = PrismaAdapter(db as never);
  return {
    ...base,
    // Every new account, whatever the way in, gets its role and status from the sign-up policy.
    async createUser({ name, email, emailVerified, image }) {
      const user = await admitNewUser({ name, email: email || null, emailVerified, image });
      return { ...user, email: user.email ?? "" };
    },
    async createSession({ sessionToken, userId }) {
      const { ip, userAgent, method, previousSessionToken } = currentSignInContext();
      return createSession({ token: sessionToken, userId, ip, userAgent, method, replacing: previousSessionToken });
    },
    async getSessionAndUser(sessionToken) {
      const found = await validateSessionToken(sessionToken);
      if (!found) return null;
      return {
        session: { sessionToken, userId: found.session.userId, expires: found.session.expires },
        user: { ...found.user, email: found.user.email ?? "" },
      };
    },
    // The absolute lifetime never slides (session-store slides the idle timeout instead).
    async updateSession({ sessionToken }) {
      const found = await validateSessionToken(sessionToken);
      return found ? { sessionToken, userId: found.session.userId, expires: found.session.expires } : null;
    },
    async deleteSession(sessionToken) {
      await deleteSessionToken(sessionToken);
    },
    async linkAccount(account: AdapterAccount) {
      await db.account.create({
        data: {
          userId: account.userId,
          type: account.type,
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          email: typeof account.email === "string" ? account.email : null,
          login: typeof account.login === "string" ? account.login : null,
        },
      });
    },
  };
}
