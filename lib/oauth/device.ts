import "server-only";
import { claimDeviceCode } from "@/lib/db/queries/oauth";
import { AppError } from "@/lib/errors";
import type { RequestInfo } from "@/lib/http/request-info";
import { consumeIpRateLimit, consumeRateLimit, rateLimitedError, type RateLimitResult } from "@/lib/rate-limit/limiter";
import { userCodeHash } from "./adapter";
import { isMetadataDocumentClientId } from "./client-metadata-document";
import { clientOf, knownScopes, saveGrant } from "./consent";
import { recordAppConnected, rememberDocumentClientName } from "./manage";
import { oauthProvider } from "./provider";
import { RESOURCES } from "./scopes";

// The device authorization grant (RFC 8628), the user's side: a CLI showed a code, the signed-in user types
// it on /oauth/device, sees what the CLI asks for and answers. oidc-provider issued the code and hands out
// the tokens when the CLI polls; this module finds the code, shows it and records the answer on it.

export type DeviceView = {
  userCode: string;
  clientName: string;
  dynamic: boolean;
  metadataHost: string | null;
  scopes: string[];
  resource: string;
};

// The code as oidc-provider keeps it (upper case, no separators) and as the page shows it.
export function normalizeUserCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z]/g, "");
}
const display = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

// Unknown, expired, answered, or entered first by someone else: one answer, so a guesser learns nothing.
function notValid(): AppError {
  return new AppError("not_found:device_code", "That code is not valid or has expired. Check the code your device shows, or start again there.");
}

type Code = {
  clientId: string;
  params: Record<string, unknown>;
  isExpired: boolean;
  error?: string;
  accountId?: string;
  inFlight?: boolean;
  save(): Promise<string>;
} & Record<string, unknown>;

// Every attempt, right or wrong, costs the address and the account a try: 8 letters from 20 is about 34
// bits, far out of reach at 10 tries per account and 30 per address in 15 minutes.
async function spendAttempt(userId: string, request: RequestInfo): Promise<void> {
  const limits: RateLimitResult[] = [await consumeIpRateLimit("oauth_device_ip", request.ip), await consumeRateLimit("oauth_device_user", userId)];
  const refused = limits.find((limit) => !limit.allowed);
  if (refused) throw rateLimitedError(refused, "Too many codes tried. Wait a few minutes, then try again.");
}

// The pending code for this user: the first account to enter a code holds it; to anyone else it is unknown.
async function pendingCode(userCode: string, userId: string): Promise<Code> {
  const normalized = normalizeUserCode(userCode);
  if (normalized.length !== 8) throw notValid();
  const provider = await oauthProvider();
  const code = (await provider.DeviceCode.findByUserCode(normalized, { ignoreExpiration: true })) as Code | undefined;
  if (!code || code.isExpired || code.error || code.accountId || code.inFlight) throw notValid();
  if (!(await claimDeviceCode({ userCodeHash: userCodeHash(normalized), userId }))) throw notValid();
  return code;
}

function resourceOf(code: Code): string {
  const resource = code.params.resource;
  // oidc-provider refused a device authorization without one (lib/oauth/provider.ts, defaultResource).
  if (resource !== RESOURCES.mcp && resource !== RESOURCES.v1) throw notValid();
  return resource;
}

export async function lookupDeviceCode(input: { userCode: string; userId: string; request: RequestInfo }): Promise<DeviceView> {
  await spendAttempt(input.userId, input.request);
  const code = await pendingCode(input.userCode, input.userId);
  const { name, dynamic, metadataHost } = await clientOf(code.clientId);
  return { userCode: display(normalizeUserCode(input.userCode)), clientName: name, dynamic, metadataHost, scopes: knownScopes(code.params.scope), resource: resourceOf(code) };
}

// Allow: a grant for exactly what was asked, recorded on the code, so the CLI's next poll gets its tokens.
// Deny: access_denied on the code. The answer needs the code again (and a try), so it proves nothing the
// lookup did not.
export async function answerDeviceCode(input: { userCode: string; userId: string; allow: boolean; request: RequestInfo }): Promise<void> {
  const { userId, allow, request } = input;
  await spendAttempt(userId, request);
  const code = await pendingCode(input.userCode, userId);
  if (!allow) {
    Object.assign(code, { error: "access_denied", errorDescription: "The user did not allow access." });
    await code.save();
    return;
  }
  const scopes = knownScopes(code.params.scope);
  const resource = resourceOf(code);
  if (isMetadataDocumentClientId(code.clientId)) await rememberDocumentClientName(code.clientId, (await clientOf(code.clientId)).name);
  const grantId = await saveGrant({ userId, clientId: code.clientId, scopes, resource });
  Object.assign(code, { accountId: userId, grantId, scope: scopes.join(" "), resource, authTime: Math.floor(Date.now() / 1000) });
  await code.save();
  await recordAppConnected({ userId, grantId, clientId: code.clientId, scope: scopes.join(" "), request, via: "device" });
}
