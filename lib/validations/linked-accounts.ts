import { z } from "zod";
import { OAUTH_PROVIDER_IDS } from "@/lib/auth/provider-identity";

export const oauthProviderId = z.enum(OAUTH_PROVIDER_IDS, { error: "That sign-in provider is not available here." });

export const providerSignInRequest = z.object({
  provider: oauthProviderId,
  callbackUrl: z.string().max(2048).optional(),
});

export const linkAccountRequest = z.object({ provider: oauthProviderId });

export const unlinkAccountRequest = z.object({ accountId: z.uuid({ error: "That linked account does not exist." }) });
