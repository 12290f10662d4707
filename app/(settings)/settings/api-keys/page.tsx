import type { Metadata } from "next";
import { listKeysForUser } from "@/lib/api-keys/manage";
import { ApiKeyCreateForm } from "@/components/settings/api-keys-create-form";
import { ApiKeysList } from "@/components/settings/api-keys-list";
import { SettingsSection } from "@/components/settings/settings-section";
import { requireUser } from "@/lib/auth/guard";
import { reauthenticateUrl } from "@/lib/auth/recent-sign-in";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const user = await requireUser();
  const keys = await listKeysForUser({ userId: user.id });
  const baseUrl = `${env.AUTH_URL}/v1`;
  return (
    <>
      <SettingsSection
        id="create-key"
        title="Create an API key"
        description="Keys let your own code call Keyline's models through the OpenAI-compatible API. Creating one needs a recent sign-in."
      >
        <ApiKeyCreateForm reauthenticateUrl={reauthenticateUrl("/settings/api-keys")} baseUrl={baseUrl} />
      </SettingsSection>
      <SettingsSection id="keys" title="Your API keys" description="Send a key in the Authorization header as a Bearer token. Revoked and expired keys stop working on their next request.">
        <ApiKeysList keys={keys} now={new Date()} />
      </SettingsSection>
    </>
  );
}
