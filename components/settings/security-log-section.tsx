import { Time } from "@/components/ui/time";
import { SettingsSection } from "@/components/settings/settings-section";
import { describeDevice } from "@/lib/security/device";

type Event = { id: string; type: string; ip: string | null; userAgent: string | null; detail: unknown; createdAt: Date };

const LABELS: Record<string, string> = {
  sign_in: "Signed in",
  sign_in_failed: "Sign-in failed",
  new_device: "Sign-in from a new device",
  sign_out: "Signed out",
  session_revoked: "Sessions signed out",
  account_linked: "Account linked",
  account_unlinked: "Account unlinked",
  passkey_added: "Passkey added",
  passkey_removed: "Passkey removed",
  passkey_renamed: "Passkey renamed",
  api_key_created: "API key created",
  api_key_revoked: "API key revoked",
  api_key_new_ip: "API key used from a new IP",
  admin_approved: "Approved by an administrator",
  admin_suspended: "Suspended by an administrator",
  admin_reactivated: "Reactivated by an administrator",
  admin_role_changed: "Role changed by an administrator",
  admin_signed_out: "Signed out everywhere by an administrator",
  admin_budget_changed: "Budget changed by an administrator",
  share_created: "Share link created",
  share_revoked: "Share link revoked",
  oauth_app_connected: "App connected",
  oauth_app_revoked: "Connected app revoked",
  oauth_apps_revoked_all: "All connected apps revoked",
  oauth_refresh_token_reused: "Connected app revoked: a used refresh token came back",
};

function detailText(detail: unknown): string {
  if (!detail || typeof detail !== "object") return "";
  return Object.entries(detail as Record<string, unknown>)
    .filter(([key]) => key !== "device")
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(", ");
}

export function SecurityLogSection({ events }: { events: Event[] }) {
  return (
    <SettingsSection id="security-log" title="Security log" description="The last 50 security events on your account.">
      {events.length === 0 ? (
        <p className="text-sm text-muted-foreground">Nothing yet.</p>
      ) : (
        <ol className="divide-y divide-border text-sm" aria-label="Security events">
          {events.map((event) => (
            <li key={event.id} className="flex flex-col gap-0.5 py-2 sm:flex-row sm:justify-between" data-testid="security-event">
              <span>
                <span className="font-medium">{LABELS[event.type] ?? event.type}</span>
                {detailText(event.detail) ? <span className="text-muted-foreground"> · {detailText(event.detail)}</span> : null}
              </span>
              <span className="text-muted-foreground">
                {describeDevice(event.userAgent)} · {event.ip ?? "unknown IP"} · <Time value={event.createdAt} />
              </span>
            </li>
          ))}
        </ol>
      )}
    </SettingsSection>
  );
}
