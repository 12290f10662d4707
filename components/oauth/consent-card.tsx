import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { cn } from "@/lib/cn";

// redirectHost: where a browser sign-in sends the user back; a device sign-in has none, but a code to compare.
type View = { clientName: string; dynamic: boolean; metadataHost?: string | null; redirectHost?: string; loopbackRedirect: boolean; resource: string; userCode?: string };

type Props = {
  view: View;
  scopes: { scope: string; words: string }[];
  account: string;
  // Allow / Deny.
  children: ReactNode;
};

// The consent screen: who asks, where the answer goes, what they may do; Allow or Deny.
export function ConsentCard({ view, scopes, account, children }: Props) {
  return (
    <Card>
      <CardTitle>Connect {view.clientName}?</CardTitle>
      <CardDescription>
        <span className="font-medium text-foreground">{view.clientName}</span>
        {view.metadataHost ? <> (identified by {view.metadataHost})</> : null} wants to use Keyline as{" "}
        <span className="font-medium text-foreground">{account}</span>.
      </CardDescription>
      <dl className="mt-4 space-y-1 text-sm">
        {view.metadataHost ? (
          <Row term="App identity" testId="consent-client-host" className="break-all">
            {view.metadataHost}
          </Row>
        ) : null}
        {view.redirectHost ? (
          <Row term="Sends you back to" testId="consent-redirect-host">
            {view.redirectHost}
          </Row>
        ) : null}
        {view.userCode ? (
          <Row term="Code on your device" testId="consent-user-code">
            {view.userCode}
          </Row>
        ) : null}
        <Row term="For">{view.resource}</Row>
      </dl>
      {view.dynamic || view.loopbackRedirect ? (
        <Alert className="mt-4" data-testid="consent-warning">
          {view.dynamic ? "Keyline cannot confirm who made this app: it registered itself, and its name is its own claim. " : ""}
          {view.loopbackRedirect ? "It runs on this computer (it sends you back to a local address). " : ""}
          Allow it only if you just started connecting it yourself.
        </Alert>
      ) : null}
      <h2 className="mt-6 text-sm font-medium">It will be able to</h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm" aria-label="Requested permissions">
        {scopes.length === 0 ? <li>Nothing beyond knowing you connected it</li> : null}
        {scopes.map(({ scope, words }) => (
          <li key={scope}>
            {words} <span className="font-mono text-xs text-muted-foreground">({scope})</span>
          </li>
        ))}
      </ul>
      <p className="mt-4 text-xs text-muted-foreground">You can disconnect it at any time in Settings → Security → Connected apps.</p>
      {children}
    </Card>
  );
}

function Row({ term, testId, className, children }: { term: string; testId?: string; className?: string; children: ReactNode }) {
  return (
    <div className="flex gap-2">
      <dt className="text-muted-foreground">{term}</dt>
      <dd className={cn("font-mono", className)} data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

export function ConsentExpired({ message }: { message: string }) {
  return (
    <Card>
      <CardTitle>Nothing to approve</CardTitle>
      <CardDescription>{message}</CardDescription>
    </Card>
  );
}
