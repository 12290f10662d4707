import type { Metadata } from "next";
import { DeviceFlow } from "@/components/oauth/device-flow";
import { requireUser } from "@/lib/auth/guard";
import { answerDeviceCodeAction, lookupDeviceCodeAction } from "./actions";

export const metadata: Metadata = { title: "Connect a device" };

// RFC 8628's verification page: a CLI or device shows a code and this address; the signed-in user types the
// code (or arrives with it in ?user_code=, from verification_uri_complete: still only pre-filled, the user
// confirms it matches what the device shows).
export default async function DevicePage({ searchParams }: { searchParams: Promise<{ user_code?: string | string[] }> }) {
  const user = await requireUser();
  const { user_code: given } = await searchParams;
  const initialCode = typeof given === "string" && /^[A-Za-z -]{1,20}$/.test(given) ? given.toUpperCase() : "";
  return <DeviceFlow account={user.email ?? user.name ?? "your account"} initialCode={initialCode} lookup={lookupDeviceCodeAction} answer={answerDeviceCodeAction} />;
}
