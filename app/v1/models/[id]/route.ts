// GET /v1/models/{id} — one model, or OpenAI's 404
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { findModel } from "@/lib/ai/models";
import { OpenAIError } from "@/lib/openai-compat/errors";
import { modelObject } from "@/lib/openai-compat/models";

export const GET = withApiKey<{ id: string }>({ scope: "models:read" }, async (_request, { params }) => {
  const info = findModel(params.id);
  if (!info) {
    throw new OpenAIError(404, { type: "invalid_request_error", code: "model_not_found", param: "model", message: "The model does not exist here." });
  }
  return Response.json(modelObject(info));
});
