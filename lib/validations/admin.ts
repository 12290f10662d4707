import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { emailAddress } from "./auth";
import { EXEMPT_BUDGET } from "@/lib/budgets/own-budget";
import { BUDGET_FORMAT_HINT, parseBudget } from "@/lib/budgets/window";

// A user's own token budget: "500000/1d", "exempt", or null to follow BUDGET_TOKENS.
export const tokenBudgetInput = z
  .string()
  .trim()
  .max(40)
  .refine((value) => value === EXEMPT_BUDGET || parseBudget(value) !== null, `A budget ${BUDGET_FORMAT_HINT}, or "exempt".`)
  .nullable();

export const adminUserListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  status: z.enum(["active", "pending", "suspended"]).optional(),
  role: z.enum(ROLES).optional(),
  // Newest accounts first (the default), the most recently seen first, or the most tokens used first.
  sort: z.enum(["createdAt", "lastSeen", "usage"]).optional(),
  cursor: z.string().max(500).optional(),
});

export const adminUserPatch = z
  .strictObject({
    role: z.enum(ROLES).optional(),
    status: z.enum(["active", "suspended"]).optional(),
    reason: z.string().trim().max(500, "Keep the reason under 500 characters.").optional(),
    tokenBudget: tokenBudgetInput.optional(),
  })
  .refine((patch) => patch.role !== undefined || patch.status !== undefined || patch.tokenBudget !== undefined, {
    message: "Give a role, a status or a token budget to change.",
  })
  .refine((patch) => patch.status !== "suspended" || (patch.reason ?? "").length > 0, {
    message: "Say why: the user sees the reason when they try to sign in.",
    path: ["reason"],
  });

export const auditListQuery = z.object({
  cursor: z.coerce.number().int().min(1).optional(),
  format: z.enum(["json", "jsonl"]).optional(),
});

export const userIdParam = z.string().min(1).max(100);

export const invitationCreate = z.strictObject({
  email: emailAddress,
  role: z.enum(ROLES, { error: "Choose admin or member." }),
});

export const invitationListQuery = z.object({ cursor: z.string().max(500).optional() });
export const invitationIdParam = z.string().min(1).max(100);
