import "server-only";
import { findModel, type ModelInfo } from "@/lib/ai/models";
import { AppError } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/json-body";
import { chatRequest, MAX_CHAT_BODY_BYTES, messageProblem, messageText } from "@/lib/validations/chat";

export type ParsedChatRequest = { threadId: string; message: { id: string; text: string }; model?: ModelInfo };

export async function readChatRequest(request: Request): Promise<ParsedChatRequest> {
  const json = await readJsonBody(request, { maxBytes: MAX_CHAT_BODY_BYTES, tooLargeHint: "Messages can be at most 32,000 characters." });
  const body = chatRequest.parse(json);
  const text = messageText(body.message.parts);
  const problem = messageProblem(text);
  if (problem) throw new AppError(`bad_request:${problem.code}`, problem.message);

  let model: ModelInfo | undefined;
  if (body.model !== undefined) {
    model = findModel(body.model);
    if (!model) throw new AppError("bad_request:model", "That model is not available here. Pick one from the model list.");
  }
  return { threadId: body.id, message: { id: body.message.id, text }, model };
}
