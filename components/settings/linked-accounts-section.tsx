import { ProviderIcon } from "@/components/auth/provider-icon";
import { SettingsSection } from "@/components/settings/settings-section";
import type { OAuthProviderOption } from "@/lib/auth/oauth-providers";
import { isOAuthProviderId } from "@/lib/auth/provider-identity";
import type { FormAction } from "@/lib/http/action-result";
import { LinkProviderForm, UnlinkAccountForm } from "./linked-accounts-forms";
import { LinkedAccountsNotice } from "./linked-accounts-notice";

type Action = FormAction;

type LinkedAccount = { id: string; provider: string; email: string | null; login: string | null; createdAt: Date };
type Props = { accounts: LinkedAccount[]; providers: OAuthProviderOption[]; reauthUrl: string; link: Action; unlink: Action };

export function LinkedAccountsSection({ accounts, providers, reauthUrl, link, unlink }: Props) {
  if (providers.length === 0 && accounts.length === 0) return null;

  const nameOf = (id: string) => providers.find((provider) => provider.id === id)?.name ?? id;
  const linkedIds = new Set(accounts.map((account) => account.provider));

  return (
    <SettingsSection
      id="linked-accounts"
      title="Linked accounts"
      description="Sign in with these accounts as well as your other ways in. You can't remove your last way to sign in."
    >
      <LinkedAccountsNotice providerNames={Object.fromEntries(providers.map((p) => [p.id, p.name]))} linked={[...linkedIds]} reauthUrl={reauthUrl} />
      {accounts.length > 0 ? (
        <ul className="divide-y divide-border rounded-md border border-border" aria-label="Linked accounts">
          {accounts.map((account) => {
            const name = nameOf(account.provider);
            const who = [account.email, account.login ? `@${account.login}` : null].filter(Boolean).join(" · ");
            return (
              <li key={account.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                <div className="flex min-w-0 items-center gap-3">
                  {isOAuthProviderId(account.provider) ? <ProviderIcon provider={account.provider} className="h-5 w-5 shrink-0" /> : null}
                  <div className="min-w-0 text-sm">
                    <p className="font-medium">{name}</p>
                    {who ? <p className="truncate text-muted-foreground">{who}</p> : null}
                    <p className="text-muted-foreground">
                      Linked <time dateTime={account.createdAt.toISOString()}>{account.createdAt.toISOString().slice(0, 10)}</time>
                    </p>
                  </div>
                </div>
                <UnlinkAccountForm action={unlink} accountId={account.id} providerName={name} reauthUrl={reauthUrl} />
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="text-sm text-muted-foreground">No accounts linked yet.</p>
      )}
      {providers.some((provider) => !linkedIds.has(provider.id)) ? (
        <div className="mt-4 flex flex-wrap gap-2">
          {providers
            .filter((provider) => !linkedIds.has(provider.id))
            .map((provider) => (
              <LinkProviderForm key={provider.id} action={link} provider={provider.id} providerName={provider.name} reauthUrl={reauthUrl}>
                <ProviderIcon provider={provider.id} />
              </LinkProviderForm>
            ))}
        </div>
      ) : null}
    </SettingsSection>
  );
}
