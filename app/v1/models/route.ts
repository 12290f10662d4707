// GET /v1/models — the models this server offers, in OpenAI's list shape
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { listModels } from "@/lib/ai/models";
import { modelObject } from "@/lib/openai-compat/models";

export const GET = withApiKey({ scope: "models:read" }, async () => {
  return Response.json({ object: "list", data: listModels().map(modelObject) });
});
