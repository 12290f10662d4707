import type { Metadata } from "next";
import { LinkedAccountsSection } from "@/components/settings/linked-accounts-section";
import { requireUser } from "@/lib/auth/guard";
import { linkProviderAction, unlinkAccountAction } from "./linked-accounts-actions";

export const metadata: Metadata = { title: "Security" };

// Sections: passkeys, linked accounts, sessions, security log. Each lives in components/settings/.
export default async function SecurityPage() {
  await requireUser();
  return (
    <>
      <LinkedAccountsSection link={linkProviderAction} unlink={unlinkAccountAction} />
    </>
  );
}
