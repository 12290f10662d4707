import { z } from "zod";

// Stricter than Auth.js's own normaliser: one plain address, no quoted local parts, no lists,
// no look-alike characters, no line breaks (header injection).
export const emailAddress = z
  .string({ error: "Enter your email address." })
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), "Enter a single email address without line breaks.")
  .transform((value) => value.trim())
  .pipe(
    z
      .string()
      .min(1, "Enter your email address.")
      .max(254, "That email address is too long.")
      .pipe(z.email({ error: "Enter a valid email address, like name@example.com." })),
  )
  .transform((value) => value.toLowerCase());

export const magicLinkRequest = z.object({
  email: emailAddress,
  callbackUrl: z.string().max(2048).optional(),
});

export const invitationAccept = z.object({ token: z.string().max(100) });
