import "server-only";
import { deleteAllUserGrants, deleteUserGrant, findOAuthRecord, findUserGrant, touchGrant, upsertOAuthRecord } from "@/lib/db/queries/oauth";
import { recordSecurityEvent } from "@/lib/db/queries/security-events";
import { sha256Hex } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";
import type { RequestInfo } from "@/lib/http/request-info";
import { mailAppConnected } from "./connected-mail";

// A user's connected apps (OAuth grants): the writes and their security-log entries.

export function grantNotFound(): AppError {
  return new AppError("not_found:grant", "That connected app does not exist.");
}

// Where a metadata-document client's name is kept once a user consented to it, so Connected apps and
// the security log name it without fetching its document again.
const DOCUMENT_CLIENT_KIND = "ClientDocumentName";

function cleanName(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value.trim().slice(0, 100) : null;
}

// The client's name: from its registration (dynamically registered clients are stored), or, for a
// client ID metadata document, what the document said when the user last consented.
export async function clientNameOf(clientId: string): Promise<{ name: string; dynamic: boolean }> {
  const idHash = sha256Hex(clientId);
  const row = await findOAuthRecord({ kind: "Client", idHash });
  const named = row ?? (clientId.startsWith("https://") ? await findOAuthRecord({ kind: DOCUMENT_CLIENT_KIND, idHash }) : null);
  const payload = named ? (JSON.parse(named.payload) as { client_name?: unknown }) : {};
  return { name: cleanName(payload.client_name) ?? "Unnamed app", dynamic: Boolean(row) };
}

export async function rememberDocumentClientName(clientId: string, name: string | undefined): Promise<void> {
  await upsertOAuthRecord({
    kind: DOCUMENT_CLIENT_KIND,
    idHash: sha256Hex(clientId),
    payload: JSON.stringify({ client_name: cleanName(name) ?? "Unnamed app" }),
    grantId: null,
    userId: null,
    uidHash: null,
    userCode: null,
    expiresAt: null,
  });
}

// A new grant (consent page or device page): the security log, and a mail to the user.
export async function recordAppConnected(input: { userId: string; grantId: string; clientId: string; scope: string; request: RequestInfo; via?: "browser" | "device" }) {
  const { name, dynamic } = await clientNameOf(input.clientId);
  const via = input.via ?? "browser";
  await recordSecurityEvent({
    userId: input.userId,
    type: "oauth_app_connected",
    request: input.request,
    detail: { app: name, grantId: input.grantId, scope: input.scope, via },
  });
  const identity = dynamic ? "registered dynamically" : input.clientId;
  await mailAppConnected({ userId: input.userId, app: { name, identity }, scope: input.scope, via, request: input.request });
}

// Scoped by owner: another user's grant id answers exactly like one that does not exist.
export async function revokeConnectedApp(input: { userId: string; grantId: string; request: RequestInfo }): Promise<void> {
  const { userId, grantId, request } = input;
  const grant = await findUserGrant({ userId, grantId });
  if (!grant || (await deleteUserGrant({ userId, grantId })) === 0) throw grantNotFound();
  const { clientId } = JSON.parse(grant.payload) as { clientId?: string };
  const { name } = await clientNameOf(clientId ?? "");
  await recordSecurityEvent({ userId, type: "oauth_app_revoked", request, detail: { app: name, grantId } });
}

// Disconnect all: every app loses access at once; one log entry with how many.
export async function revokeAllConnectedApps(input: { userId: string; request: RequestInfo }): Promise<number> {
  const revoked = await deleteAllUserGrants({ userId: input.userId });
  if (revoked > 0) await recordSecurityEvent({ userId: input.userId, type: "oauth_apps_revoked_all", request: input.request, detail: { apps: revoked } });
  return revoked;
}

// Called by the storage adapter when a spent refresh token is presented again; oidc-provider then revokes
// the grant. Someone holds a copy of the token, so the user should know.
export async function noteRefreshTokenReuse(input: { userId: string; grantId: string; clientId: string }): Promise<void> {
  const { name } = await clientNameOf(input.clientId);
  await recordSecurityEvent({ userId: input.userId, type: "oauth_refresh_token_reused", detail: { app: name, grantId: input.grantId } });
}

// Last used, for Connected apps: a write a minute per grant is plenty.
const TOUCH_EVERY_MS = 60_000;
export async function noteGrantUse(input: { grantId: string; lastUsedAt: Date | null; lastUsedIp: string | null; ip: string | null; at: Date }) {
  const stale = !input.lastUsedAt || input.at.getTime() - input.lastUsedAt.getTime() > TOUCH_EVERY_MS;
  if (!stale && input.lastUsedIp === input.ip) return;
  await touchGrant({ grantId: input.grantId, ip: input.ip, at: input.at });
}
