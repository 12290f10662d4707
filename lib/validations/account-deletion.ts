import { z } from "zod";

export const deleteAccountRequest = z.object({
  confirmation: z.literal("DELETE", { error: "Type DELETE in capitals to confirm." }),
});
