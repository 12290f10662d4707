import { ActionForm } from "@/components/ui/action-form";
import { Time } from "@/components/ui/time";
import { SettingsSection } from "@/components/settings/settings-section";
import type { FormAction } from "@/lib/http/action-result";
import { describeDevice } from "@/lib/security/device";

type SessionRow = { id: string; createdAt: Date; lastSeenAt: Date; userAgent: string | null; ip: string | null; method: string | null };
type Action = FormAction;

type Props = {
  sessions: SessionRow[];
  currentSessionId: string;
  actions: { revoke: Action; signOutOthers: Action; signOutEverywhere: Action };
};

const METHOD_LABELS: Record<string, string> = { email: "Email link", passkey: "Passkey", google: "Google", github: "GitHub", oidc: "SSO" };

export function SessionsSection({ sessions, currentSessionId, actions }: Props) {
  return (
    <SettingsSection id="sessions" title="Sessions" description="Devices signed in to your account. Sign out any you do not recognise.">
      <ul className="divide-y divide-border" aria-label="Active sessions">
        {sessions.map((session) => {
          const device = describeDevice(session.userAgent);
          const current = session.id === currentSessionId;
          return (
            <li key={session.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between" data-testid="session-row">
              <div className="text-sm">
                <p className="font-medium">
                  {device}
                  {current ? <span className="ml-2 rounded bg-muted px-1.5 py-0.5 text-xs font-normal">This device</span> : null}
                </p>
                <p className="text-muted-foreground">
                  {METHOD_LABELS[session.method ?? ""] ?? "Sign-in"} · {session.ip ?? "unknown IP"} · signed in <Time value={session.createdAt} /> ·
                  last seen <Time value={session.lastSeenAt} />
                </p>
              </div>
              <ActionForm
                action={actions.revoke}
                hidden={{ sessionId: session.id }}
                label={current ? "Sign out" : "Revoke"}
                accessibleName={`${current ? "Sign out" : "Revoke"} ${device}${current ? " (this device)" : ""}`}
              />
            </li>
          );
        })}
      </ul>
      <div className="mt-4 flex flex-wrap gap-3 border-t border-border pt-4">
        <ActionForm action={actions.signOutOthers} label="Sign out all other sessions" />
        <ActionForm
          action={actions.signOutEverywhere}
          label="Sign out everywhere"
          variant="destructive"
          confirm="Sign out of Keyline on every device, including this one?"
        />
      </div>
    </SettingsSection>
  );
}
