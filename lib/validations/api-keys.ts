import { z } from "zod";
import { API_KEY_NAME_MAX, API_KEY_SCOPES, DEFAULT_EXPIRY_DAYS, EXPIRY_CHOICES } from "@/lib/api-keys/constants";

// POST /api/keys (the API keys page posts the same body).
export const createApiKeyInput = z.object({
  name: z.string().trim().min(1, "Give the key a name").max(API_KEY_NAME_MAX, `At most ${API_KEY_NAME_MAX} characters`),
  scopes: z
    .array(z.enum(API_KEY_SCOPES, "Unknown scope"))
    .min(1, "Choose at least one scope")
    .max(API_KEY_SCOPES.length)
    .transform((scopes) => [...new Set(scopes)]),
  expiresInDays: z
    .number()
    .int()
    .refine((days) => (EXPIRY_CHOICES as readonly number[]).includes(days), `Choose one of ${EXPIRY_CHOICES.join(", ")} days`)
    .default(DEFAULT_EXPIRY_DAYS),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeyInput>;

export const apiKeyIdParam = z.object({ id: z.uuid("Not found") });

