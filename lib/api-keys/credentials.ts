import { OpenAIError } from "@/lib/openai-compat/errors";
import { looksLikeApiKey } from "./format";

// Query parameters people (and some tools) use for keys; their presence is refused even when empty.
const KEY_PARAMS = new Set(["api_key", "apikey", "api-key", "key", "access_token", "token", "auth", "authorization"]);

// A key travels only in a header. Query strings end up in server logs, proxies and browser history,
// so a key there is refused (and never looked up), and the answer says why.
export function refuseKeyInUrl(url: URL): void {
  for (const [name, value] of url.searchParams) {
    if (KEY_PARAMS.has(name.toLowerCase()) || looksLikeApiKey(value)) {
      throw new OpenAIError(400, {
        type: "invalid_request_error",
        code: "api_key_in_url",
        param: name,
        message:
          "API keys are not accepted in the URL, where they end up in logs and browser history. Send the key in the Authorization header (Bearer) or in x-api-key, and revoke this key if it was a real one.",
      });
    }
  }
}

const missingKey = () =>
  new OpenAIError(401, {
    type: "authentication_error",
    code: "missing_api_key",
    message: "No API key provided. Send it as `Authorization: Bearer <key>` or in the `x-api-key` header. Create keys at /settings/api-keys.",
  });

// Only `Authorization: Bearer <key>` or `x-api-key: <key>`; cookies are never read here.
export function presentedKey(headers: Headers): string {
  const authorization = headers.get("authorization");
  const xApiKey = headers.get("x-api-key")?.trim() || null;
  let bearer: string | null = null;
  if (authorization !== null) {
    const match = authorization.match(/^Bearer[ ]+(\S+)\s*$/i);
    if (!match) {
      throw new OpenAIError(401, {
        type: "authentication_error",
        code: "invalid_authorization_header",
        message: "The Authorization header must be `Bearer <key>`.",
      });
    }
    bearer = match[1]!;
  }
  if (bearer && xApiKey && bearer !== xApiKey) {
    throw new OpenAIError(401, {
      type: "authentication_error",
      code: "conflicting_api_keys",
      message: "Two different API keys were sent (Authorization and x-api-key). Send one.",
    });
  }
  const key = bearer ?? xApiKey;
  if (!key) throw missingKey();
  return key;
}
