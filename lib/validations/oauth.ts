import { z } from "zod";

// oidc-provider's interaction uids and grant ids are nanoid strings (URL-safe base64 alphabet).
const nanoid = z.string().regex(/^[\w-]{10,64}$/);

export const consentInput = z.object({
  uid: nanoid,
  decision: z.enum(["allow", "deny"]),
});

export const revokeConnectedAppInput = z.object({ grantId: nanoid.or(z.string().max(200)) });
