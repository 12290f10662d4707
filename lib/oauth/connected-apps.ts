import "server-only";
import { listUserGrants } from "@/lib/db/queries/oauth";
import { clientNameOf } from "./manage";
import { SCOPE_WORDS } from "./scopes";

export type ConnectedApp = {
  grantId: string;
  name: string;
  identity: string;
  scopes: string[];
  resources: string[];
  grantedAt: Date;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
};

type GrantPayload = { clientId?: string; openid?: { scope?: string }; resources?: Record<string, string> };

// Settings → Security → Connected apps: each grant the user made, newest first.
export async function listConnectedApps({ userId }: { userId: string }): Promise<ConnectedApp[]> {
  const rows = await listUserGrants({ userId, now: new Date() });
  return Promise.all(
    rows.map(async (row) => {
      const payload = JSON.parse(row.payload) as GrantPayload;
      const clientId = payload.clientId ?? "";
      const client = await clientNameOf(clientId);
      const scopes = new Set<string>([...(payload.openid?.scope ?? "").split(" "), ...Object.values(payload.resources ?? {}).flatMap((scope) => scope.split(" "))]);
      return {
        grantId: row.grantId ?? "",
        name: client.name,
        identity: client.dynamic ? "registered dynamically" : clientId,
        scopes: Object.keys(SCOPE_WORDS).filter((scope) => scopes.has(scope)),
        resources: Object.keys(payload.resources ?? {}),
        grantedAt: row.createdAt,
        lastUsedAt: row.lastUsedAt,
        lastUsedIp: row.lastUsedIp,
      };
    }),
  );
}
