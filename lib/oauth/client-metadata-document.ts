import "server-only";
import { env } from "@/lib/env";
import { fetchClientMetadata, MetadataFetchRefused } from "./client-metadata-fetch";

// Client ID Metadata Documents (draft-ietf-oauth-client-id-metadata-document; MCP authorization
// 2025-11-25): a client_id that is an https URL names the client's own metadata, which oidc-provider
// fetches through `providerFetch` and checks (client_id equal to the URL, no secrets, redirect URIs exact),
// then caches in the process for the document's Cache-Control max-age, bounded below.

type ClientLike = { clientId: string; tokenEndpointAuthMethod?: string; redirectUris?: string[] };

export const clientIdMetadataDocument = {
  enabled: true,
  ack: "draft-02",
  // Cached per instance: each instance checks the document itself, so nothing depends on the cache
  // being shared; a changed document (a redirect URI withdrawn) takes effect within 10 minutes.
  cacheDuration: { min: 30, max: 600 },
  // Public clients only: Keyline stores no client keys (private_key_jwt is not offered).
  async allowClient(_ctx: unknown, client: ClientLike) {
    return client.tokenEndpointAuthMethod === "none" && (client.redirectUris?.length ?? 0) > 0;
  },
};

// oidc-provider looks a refused client up twice per request (again in its error handler): a refusal is
// remembered briefly so that the second look costs no fetch (nor another wait for a slow server).
const REFUSAL_MEMORY_MS = 5_000;
const MAX_REFUSALS = 1_000;
const refusals = new Map<string, { error: MetadataFetchRefused; until: number }>();

function recentRefusal(key: string): MetadataFetchRefused | null {
  const known = refusals.get(key);
  if (known && known.until > Date.now()) return known.error;
  refusals.delete(key);
  return null;
}

// oidc-provider's `fetch` setting: every request it makes for a client goes through the SSRF-checked
// fetcher, which refuses redirects itself (oidc-provider's own dispatcher is not used).
export async function providerFetch(url: string | URL, options: { signal?: AbortSignal } = {}): Promise<Response> {
  const key = String(url);
  const known = recentRefusal(key);
  if (known) throw known;
  try {
    const fetched = await fetchClientMetadata(url, { allowLoopback: env.OAUTH_ALLOW_LOOPBACK_CLIENTS, signal: options.signal });
    return new Response(new Uint8Array(fetched.body), { status: fetched.status, headers: fetched.headers });
  } catch (error) {
    if (error instanceof MetadataFetchRefused) {
      // The app's log says why a client could not be resolved; the client gets invalid_client.
      console.warn(`keyline: client metadata fetch refused: ${new URL(key).host}: ${error.message}`);
      if (refusals.size >= MAX_REFUSALS) refusals.clear();
      refusals.set(key, { error, until: Date.now() + REFUSAL_MEMORY_MS });
    }
    throw error;
  }
}

export function isMetadataDocumentClientId(clientId: string): boolean {
  return clientId.startsWith("https://");
}
