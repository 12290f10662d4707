import type { Metadata } from "next";
import { SettingsSection } from "@/components/settings/settings-section";
import { UsageBreakdown } from "@/components/usage/usage-breakdown";
import { UsageWindow } from "@/components/usage/usage-window";
import { requireUser } from "@/lib/auth/guard";
import { usageSummary } from "@/lib/budgets/usage";

export const metadata: Metadata = { title: "Usage" };

export default async function UsagePage() {
  const user = await requireUser();
  const usage = await usageSummary({ userId: user.id, tokenBudget: user.tokenBudget });
  return (
    <>
      <SettingsSection id="budget" title="This window" description="Tokens (prompt + completion) used in the chat, by your API keys and by your connected apps, together.">
        <UsageWindow budget={usage.budget} window={usage.window} />
      </SettingsSection>
      <SettingsSection id="usage" title="Usage" description="Tokens as the model providers reported them, by UTC day.">
        <UsageBreakdown days={usage.days} models={usage.models} sources={usage.sources} total={usage.total} requests={usage.requests} estimated={usage.estimated} />
      </SettingsSection>
    </>
  );
}
