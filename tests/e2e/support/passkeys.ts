import type { BrowserContext, CDPSession, Page } from "@playwright/test";

// Chromium's virtual authenticator over CDP: a platform authenticator (internal transport) with resident
// keys and user verification, answering prompts by itself as a person touching the sensor would.
export type VirtualAuthenticator = {
  cdp: CDPSession;
  authenticatorId: string;
  credentials: () => Promise<{ credentialId: string; signCount: number; userHandle?: string }[]>;
  setPresence: (present: boolean) => Promise<void>;
  remove: () => Promise<void>;
};

export async function addVirtualAuthenticator(page: Page): Promise<VirtualAuthenticator> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    cdp,
    authenticatorId,
    credentials: async () => (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials,
    setPresence: async (enabled) => {
      await cdp.send("WebAuthn.setAutomaticPresenceSimulation", { authenticatorId, enabled });
    },
    remove: async () => {
      await cdp.send("WebAuthn.removeVirtualAuthenticator", { authenticatorId });
    },
  };
}

// A browser without passkey autofill (conditional UI): the login page then offers only the button.
// With a virtual authenticator, Chromium answers an autofill request at once, so tests of the button
// (and of signing out) switch autofill off to see the page as a person who has not picked a passkey.
export async function withoutPasskeyAutofill(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    if ("PublicKeyCredential" in window) {
      Object.defineProperty(PublicKeyCredential, "isConditionalMediationAvailable", { value: async () => false });
    }
  });
}
