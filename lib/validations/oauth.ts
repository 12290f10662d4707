import { z } from "zod";

// oidc-provider's interaction uids and grant ids are nanoid strings (URL-safe base64 alphabet).
const nanoid = z.string().regex(/^[\w-]{10,64}$/);

export const consentInput = z.object({
  uid: nanoid,
  decision: z.enum(["allow", "deny"]),
});

export const revokeConnectedAppInput = z.object({ grantId: nanoid.or(z.string().max(200)) });

export const revokeAllConnectedAppsInput = z.object({});

// What a user types on /oauth/device: the code as shown (letters, maybe a dash or spaces), in any case.
export const deviceCodeInput = z.object({ userCode: z.string().trim().min(1, "Enter the code your device shows.").max(20, "That code is too long.") });
export const deviceAnswerInput = deviceCodeInput.extend({ decision: z.enum(["allow", "deny"]) });
