import { z } from "zod";

export const sessionId = z.uuid({ error: "That session does not exist." });
