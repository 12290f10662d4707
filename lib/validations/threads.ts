import { z } from "zod";

export const threadListQuery = z.object({
  q: z.string().trim().max(200).optional().transform((value) => value || undefined),
  cursor: z.string().max(500).optional(),
});
