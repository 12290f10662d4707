import { z } from "zod";

// POST /v1/chat/completions, the subset of OpenAI's request Keyline serves. Unknown fields are
// ignored (SDKs add new ones all the time); fields that would change the meaning of the reply and
// that Keyline cannot honour (tools, n > 1, logprobs) are refused instead of silently dropped.
const textPart = z.object({ type: z.literal("text"), text: z.string() });
const refusalPart = z.object({ type: z.literal("refusal"), refusal: z.string() });

const notSupported = (what: string) => ({ message: `not supported by this server: ${what}` });

const onlyText = { error: "only text parts are supported (no images, audio or files)" };
const textContent = z.union([z.string(), z.array(z.discriminatedUnion("type", [textPart], onlyText)).min(1)], {
  error: "must be a string or an array of text parts (no images, audio or files)",
});

const systemMessage = z.object({ role: z.enum(["system", "developer"]), content: textContent, name: z.string().optional() });
const userMessage = z.object({ role: z.literal("user"), content: textContent, name: z.string().optional() });
const assistantMessage = z.object({
  role: z.literal("assistant"),
  content: z
    .union([z.string(), z.array(z.discriminatedUnion("type", [textPart, refusalPart], onlyText))], {
      error: "must be a string, null or an array of text parts",
    })
    .nullish(),
  name: z.string().optional(),
  refusal: z.string().nullish(),
  tool_calls: z.array(z.unknown()).max(0, notSupported("Tool calls")).nullish(),
  function_call: z.null(notSupported("Function calls")).optional(),
});

export const chatMessage = z.discriminatedUnion(
  "role",
  [systemMessage, userMessage, assistantMessage],
  { error: "role must be one of system, developer, user or assistant (tool messages are not supported)" },
);
export type ChatMessage = z.infer<typeof chatMessage>;

const absentOr = <T extends z.ZodType>(schema: T) => schema.nullish();

export const chatCompletionRequest = z.object({
  model: z.string({ error: "is required" }).min(1, "is required").max(200),
  messages: z.array(chatMessage, { error: "is required" }).min(1, "must contain at least one message").max(1000),
  stream: absentOr(z.boolean()),
  stream_options: absentOr(z.object({ include_usage: z.boolean().optional() })),
  temperature: absentOr(z.number().min(0).max(2)),
  top_p: absentOr(z.number().min(0).max(1)),
  max_tokens: absentOr(z.number().int().min(1).max(1_000_000)),
  max_completion_tokens: absentOr(z.number().int().min(1).max(1_000_000)),
  stop: absentOr(z.union([z.string().min(1), z.array(z.string().min(1)).max(4)], { error: "must be a string or an array of up to 4 strings" })),
  presence_penalty: absentOr(z.number().min(-2).max(2)),
  frequency_penalty: absentOr(z.number().min(-2).max(2)),
  seed: absentOr(z.number().int()),
  user: absentOr(z.string().max(256)),
  n: absentOr(z.literal(1, notSupported("n other than 1"))),
  logprobs: absentOr(z.literal(false, notSupported("logprobs"))),
  tools: absentOr(z.array(z.unknown()).max(0, notSupported("Tools"))),
  functions: absentOr(z.array(z.unknown()).max(0, notSupported("Functions"))),
});
export type ChatCompletionRequest = z.infer<typeof chatCompletionRequest>;

export const threadsQuery = z.object({
  cursor: z.string().max(500).optional(),
  q: z.string().trim().max(200).optional().transform((value) => value || undefined),
});
