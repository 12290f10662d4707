import "server-only";
import { generateText } from "ai";
import type { UsageMeter } from "@/lib/api-keys/usage-meter";
import { findModel, listModels } from "@/lib/ai/models";
import { languageModel } from "@/lib/ai/language-model";
import { openModelStream, type ModelCallSettings } from "@/lib/ai/model-stream";
import { readJsonBody } from "@/lib/http/json-body";
import { requestOrShutdownSignal } from "@/lib/runtime/shutdown";
import { chatCompletionRequest, type ChatCompletionRequest } from "@/lib/validations/openai";
import { invalidBody, OpenAIError } from "./errors";
import { toModelMessages } from "./messages";
import { chatCompletion, completionId } from "./shapes";
import { openAIEventStream } from "./sse";
import { upstreamError } from "./upstream-error";

// Prompts with long histories are allowed, within reason.
const MAX_BODY_BYTES = 1024 * 1024;

export async function parseChatCompletionRequest(request: Request): Promise<ChatCompletionRequest> {
  const parsed = chatCompletionRequest.safeParse(await readJsonBody(request, { maxBytes: MAX_BODY_BYTES }));
  if (!parsed.success) throw invalidBody(parsed.error);
  return parsed.data;
}

function modelSettings(body: ChatCompletionRequest): ModelCallSettings {
  const stop = body.stop == null ? undefined : typeof body.stop === "string" ? [body.stop] : body.stop;
  return {
    temperature: body.temperature ?? undefined,
    topP: body.top_p ?? undefined,
    maxOutputTokens: body.max_completion_tokens ?? body.max_tokens ?? undefined,
    stopSequences: stop,
    presencePenalty: body.presence_penalty ?? undefined,
    frequencyPenalty: body.frequency_penalty ?? undefined,
    seed: body.seed ?? undefined,
  };
}

// One OpenAI-compatible completion through the same model layer as the chat UI. Nothing is saved to
// the user's threads: API calls are not chat history.
export async function createChatCompletion(input: { request: Request; body: ChatCompletionRequest; usage: UsageMeter }): Promise<Response> {
  const { request, body, usage } = input;
  const info = findModel(body.model);
  if (!info) {
    throw new OpenAIError(404, {
      type: "invalid_request_error",
      code: "model_not_found",
      param: "model",
      message: `The model '${body.model.slice(0, 200)}' does not exist here. Available: ${listModels().map((m) => m.id).join(", ")}.`,
    });
  }
  const meta = { id: completionId(), created: Math.floor(Date.now() / 1000), model: info.id };
  const model = languageModel(info);
  // The caller writes the whole prompt, system messages included; there is no app prompt to protect here.
  const messages = toModelMessages(body.messages);
  const settings = modelSettings(body);
  // The caller's SDK retries on its own (OpenAI's does twice by default); retrying here too would multiply it.
  const retries = 0;

  if (!body.stream) {
    try {
      const result = await generateText({ model, messages, ...settings, maxRetries: retries, allowSystemInMessages: true, abortSignal: requestOrShutdownSignal(request) });
      usage.addTokens({ inputTokens: result.usage.inputTokens, outputTokens: result.usage.outputTokens });
      return Response.json(chatCompletion(meta, result));
    } catch (error) {
      throw upstreamError(error);
    }
  }

  const reader = await openModelStream({ model, messages, settings, abortSignal: requestOrShutdownSignal(request), retries }).catch(
    (error: unknown) => {
      throw upstreamError(error);
    },
  );
  const { body: stream, done } = await openAIEventStream({
    reader,
    meta,
    includeUsage: body.stream_options?.include_usage === true,
    onUsage: (tokens) => usage.addTokens(tokens),
    onText: (text) => usage.addOutputText(text),
  });
  usage.waitFor(done);
  return new Response(stream, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" },
  });
}
