import "server-only";
import { cookies } from "next/headers";
import type { InteractionInstance } from "oidc-provider";
import { AppError } from "@/lib/errors";
import type { RequestInfo } from "@/lib/http/request-info";
import { isMetadataDocumentClientId } from "./client-metadata-document";
import { clientNameOf, recordAppConnected, rememberDocumentClientName } from "./manage";
import { INTERACTION_COOKIE, oauthProvider } from "./provider";
import { OAUTH_SCOPES, RESOURCE_SCOPES, RESOURCES } from "./scopes";

// What the consent page shows. Everything comes from the pending authorization request, which
// oidc-provider validated (client, exact redirect URI, PKCE) before sending the browser here.
export type ConsentView = {
  uid: string;
  clientName: string;
  dynamic: boolean;
  // A client ID metadata document's host: who vouches for the name (the name alone is the client's claim).
  metadataHost: string | null;
  redirectHost: string;
  loopbackRedirect: boolean;
  scopes: string[];
  resource: string;
};

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

function expired(): AppError {
  return new AppError("not_found:authorization_request", "This sign-in request has expired or was already answered. Start again from the app.");
}

// The request, only in the browser that started it: oidc-provider set its interaction cookie (for this
// path) on the way here, so a link to someone else's pending request finds nothing.
async function pendingInteraction(uid: string): Promise<InteractionInstance> {
  const provider = await oauthProvider();
  const interaction = await provider.Interaction.find(uid);
  const cookie = (await cookies()).get(INTERACTION_COOKIE)?.value;
  if (!interaction || cookie !== uid || interaction.result) throw expired();
  return interaction;
}

function requested(interaction: InteractionInstance) {
  const scopes = knownScopes(interaction.params.scope);
  const resourceParam = interaction.params.resource;
  const resource = typeof resourceParam === "string" ? resourceParam : RESOURCES.mcp;
  return { scopes, resource, clientId: String(interaction.params.client_id) };
}

// (Also the device page's.) A metadata-document client's name comes from its document (oidc-provider fetched and checked it
// moments ago and still has it cached); a registered client's from its registration.
export async function clientOf(clientId: string): Promise<{ name: string; dynamic: boolean; metadataHost: string | null }> {
  if (!isMetadataDocumentClientId(clientId)) return { ...(await clientNameOf(clientId)), metadataHost: null };
  const client = await (await oauthProvider()).Client.find(clientId).catch(() => undefined);
  if (!client) throw expired();
  const name = typeof client.clientName === "string" && client.clientName.trim() ? client.clientName.trim().slice(0, 100) : "Unnamed app";
  return { name, dynamic: false, metadataHost: new URL(clientId).host };
}

export async function loadConsent(uid: string): Promise<ConsentView> {
  const interaction = await pendingInteraction(uid);
  const { scopes, resource, clientId } = requested(interaction);
  const { name, dynamic, metadataHost } = await clientOf(clientId);
  const redirect = new URL(String(interaction.params.redirect_uri));
  return {
    uid,
    clientName: name,
    dynamic,
    metadataHost,
    redirectHost: redirect.host,
    loopbackRedirect: LOOPBACK_HOSTS.has(redirect.hostname),
    scopes,
    resource,
  };
}

// The user's answer. Allow: a grant of exactly what was asked (within what Keyline offers) for the
// signed-in user, and a security-log entry. Deny: access_denied for the app. Either way the browser goes
// back to oidc-provider, which finishes the request. Returns where to send it.
export async function answerConsent(input: { uid: string; userId: string; allow: boolean; request: RequestInfo }): Promise<string> {
  const { uid, userId, allow, request } = input;
  const interaction = await pendingInteraction(uid);
  const ttl = Math.max(1, interaction.exp - Math.floor(Date.now() / 1000));
  if (!allow) {
    interaction.result = { error: "access_denied", error_description: "The user did not allow access." };
    await interaction.save(ttl);
    return interaction.returnTo;
  }
  const { scopes, resource, clientId } = requested(interaction);
  // Before the grant: a document no longer accepted ends the request here, with nothing granted.
  if (isMetadataDocumentClientId(clientId)) await rememberDocumentClientName(clientId, (await clientOf(clientId)).name);
  const grantId = await saveGrant({ userId, clientId, scopes, resource });
  interaction.result = { login: { accountId: userId }, consent: { grantId } };
  await interaction.save(ttl);
  await recordAppConnected({ userId, grantId, clientId, scope: scopes.join(" "), request });
  return interaction.returnTo;
}

// A grant of exactly what was asked (within what Keyline offers), for the consent page and the device page.
export async function saveGrant(input: { userId: string; clientId: string; scopes: string[]; resource: string }): Promise<string> {
  const provider = await oauthProvider();
  const grant = new provider.Grant({ accountId: input.userId, clientId: input.clientId });
  // oidc-provider counts every scope in its `scopes` list (which discovery advertises) as the grant's
  // own; the resource's scopes go on the resource too, which is what its access tokens carry.
  if (input.scopes.length > 0) grant.addOIDCScope(input.scopes.join(" "));
  const resourceScopes = input.scopes.filter((scope) => (RESOURCE_SCOPES as readonly string[]).includes(scope));
  grant.addResourceScope(input.resource, resourceScopes.join(" "));
  return grant.save();
}

// Only the scopes Keyline offers, in the order asked.
export function knownScopes(scope: unknown): string[] {
  return String(scope ?? "")
    .split(" ")
    .filter((one) => (OAUTH_SCOPES as readonly string[]).includes(one));
}
