import { z } from "zod";

export const revokeSessionInput = z.object({ sessionId: z.uuid({ error: "That session does not exist." }) });
