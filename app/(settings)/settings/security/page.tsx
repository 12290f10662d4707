import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Security" };

// Sections: passkeys, linked accounts, sessions, security log. Each lives in components/settings/.
export default async function SecurityPage() {
  await requireUser();
  return (
    <>
    </>
  );
}
