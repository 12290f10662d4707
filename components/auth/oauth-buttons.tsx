import { Button } from "@/components/ui/button";
import type { OAuthProviderOption } from "@/lib/auth/oauth-providers";
import { ProviderIcon } from "./provider-icon";

type Props = { action: (formData: FormData) => Promise<void>; callbackUrl: string; providers: OAuthProviderOption[]; divider: boolean };

// One form per configured provider: a plain POST to a server action, so no client JavaScript on /login.
export function OAuthButtons({ action, callbackUrl, providers, divider }: Props) {
  if (providers.length === 0) return null;
  return (
    <div className="space-y-3">
      {divider ? (
        <div className="flex items-center gap-3 text-xs uppercase tracking-wide text-muted-foreground" aria-hidden="true">
          <span className="h-px flex-1 bg-border" />
          or
          <span className="h-px flex-1 bg-border" />
        </div>
      ) : null}
      {providers.map((provider) => (
        <form key={provider.id} action={action}>
          <input type="hidden" name="provider" value={provider.id} />
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <Button type="submit" variant="outline" className="w-full">
            <ProviderIcon provider={provider.id} />
            Continue with {provider.name}
          </Button>
        </form>
      ))}
    </div>
  );
}
