// /v1/* (anything else) — OpenAI-shaped 404, so SDKs raise NotFoundError instead of parsing an HTML page
import { OpenAIError } from "@/lib/openai-compat/errors";
import { apiSecurityHeaders, arrivedOverHttps } from "@/lib/security/headers";

async function notFound(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname.replace(/^\/api\/v1/, "/v1");
  const response = new OpenAIError(404, {
    type: "not_found_error",
    code: "unknown_endpoint",
    message: `Unknown endpoint ${request.method} ${path.slice(0, 200)}. This server offers GET /v1/models, POST /v1/chat/completions and GET /v1/threads.`,
  }).toResponse();
  for (const [name, value] of Object.entries({ ...apiSecurityHeaders({ https: arrivedOverHttps(request) }), "Cache-Control": "no-store" })) response.headers.set(name, value);
  return response;
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
