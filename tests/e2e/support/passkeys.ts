import http from "node:http";
import { expect, type BrowserContext, type CDPSession, type Page } from "@playwright/test";
import { ports } from "../../support/ports";
import { testDb } from "./db";

// Chromium's virtual authenticator over CDP: a platform authenticator (internal transport) with resident
// keys and user verification, answering prompts by itself as a person touching the sensor would.
export type VirtualAuthenticator = {
  cdp: CDPSession;
  authenticatorId: string;
  credentials: () => Promise<{ credentialId: string; signCount: number; userHandle?: string }[]>;
  setPresence: (present: boolean) => Promise<void>;
  remove: () => Promise<void>;
};

export async function addVirtualAuthenticator(page: Page, options: { synced?: boolean } = {}): Promise<VirtualAuthenticator> {
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
      // A synced passkey (iCloud Keychain, Google Password Manager) reports backup eligibility and state.
      ...(options.synced ? { defaultBackupEligibility: true, defaultBackupState: true } : {}),
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

// Through the settings page, as a person would: the button, the device prompt (answered by the virtual
// authenticator), the confirmation.
export async function addPasskeyInSettings(page: Page): Promise<void> {
  await page.goto("/settings/security");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByRole("status")).toContainText("added. You can now sign in with it.");
}

export async function userByEmail(email: string) {
  return testDb().user.findUniqueOrThrow({ where: { email } });
}

// A POST from a chosen loopback address (all of 127.0.0.0/8 is local on Linux), so a test can be its own
// client IP without sharing the rate-limit bucket of the browser tests on 127.0.0.1.
export function postFromAddress(
  localAddress: string,
  path: string,
  body: unknown,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; json: unknown }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: ports.app,
        localAddress,
        path,
        method: "POST",
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload), host: `localhost:${ports.app}` },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, json: text ? JSON.parse(text) : null }));
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}
