import { ActionForm } from "@/components/ui/action-form";
import { Time } from "@/components/ui/time";
import { SettingsSection } from "@/components/settings/settings-section";
import type { FormAction } from "@/lib/http/action-result";
import type { ConnectedApp } from "@/lib/oauth/connected-apps";

// Agents and apps the user let sign in as them (OAuth grants); revoking one stops its tokens at once.
export function ConnectedAppsSection({ apps, revoke, revokeAll }: { apps: ConnectedApp[]; revoke: FormAction; revokeAll: FormAction }) {
  return (
    <SettingsSection
      id="connected-apps"
      title="Connected apps"
      description="Agents and apps you allowed to use Keyline as you (MCP clients, apps using the API). Disconnect any you no longer use."
    >
      {apps.length === 0 ? (
        <p className="text-sm text-muted-foreground">No connected apps.</p>
      ) : (
        <ul className="divide-y divide-border" aria-label="Connected apps">
          {apps.map((app) => (
            <li key={app.grantId} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between" data-testid="connected-app-row">
              <div className="text-sm">
                <p className="font-medium">
                  {app.name} <span className="font-normal text-muted-foreground">({app.identity})</span>
                </p>
                <p className="text-muted-foreground">
                  {app.scopes.join(", ") || "no permissions"} · {app.resources.join(", ")}
                </p>
                <p className="text-muted-foreground">
                  connected <Time value={app.grantedAt} /> ·{" "}
                  {app.lastUsedAt ? (
                    <>
                      last used <Time value={app.lastUsedAt} /> from {app.lastUsedIp ?? "unknown IP"}
                    </>
                  ) : (
                    "not used yet"
                  )}
                </p>
              </div>
              <ActionForm action={revoke} hidden={{ grantId: app.grantId }} label="Disconnect" accessibleName={`Disconnect ${app.name}`} confirm={`Disconnect ${app.name}? It loses access at once.`} />
            </li>
          ))}
        </ul>
      )}
      {apps.length > 1 ? (
        <div className="mt-3">
          <ActionForm action={revokeAll} label="Disconnect all" accessibleName="Disconnect all apps" confirm={`Disconnect all ${apps.length} apps? They lose access at once.`} />
        </div>
      ) : null}
    </SettingsSection>
  );
}
