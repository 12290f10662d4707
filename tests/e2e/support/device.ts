import { expect, type Page } from "@playwright/test";
import { appOrigin } from "../../support/ports";
import { recordSecret } from "../../support/secrets-ledger";

// A CLI as RFC 8628 describes it, with plain fetch: it registers itself, asks for a device code, shows the
// user the code and the page, and polls the token endpoint.
export const DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

export async function registerCli(name = "E2E CLI"): Promise<string> {
  const response = await fetch(`${appOrigin}/api/oauth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_name: name, grant_types: [DEVICE_GRANT, "refresh_token"], response_types: [], token_endpoint_auth_method: "none" }),
  });
  const body = (await response.json()) as { client_id: string };
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body.client_id;
}

export type DeviceAuthorization = { device_code: string; user_code: string; verification_uri: string; verification_uri_complete: string; expires_in: number; interval?: number };

export async function startDeviceFlow(params: Record<string, string>) {
  const response = await fetch(`${appOrigin}/api/oauth/device/auth`, { method: "POST", body: new URLSearchParams(params) });
  const body = (await response.json()) as DeviceAuthorization & { error?: string };
  recordSecret("oauth-code", body.device_code);
  return { status: response.status, body };
}

export async function poll(clientId: string, deviceCode: string) {
  const response = await fetch(`${appOrigin}/api/oauth/token`, {
    method: "POST",
    body: new URLSearchParams({ grant_type: DEVICE_GRANT, device_code: deviceCode, client_id: clientId }),
  });
  const body = (await response.json()) as Record<string, unknown>;
  recordSecret("oauth-token", body.access_token as string | undefined);
  recordSecret("oauth-token", body.refresh_token as string | undefined);
  return { status: response.status, body };
}

// The user's side: the device page, the code typed in, and (when given) an answer on the consent screen.
export async function enterCode(page: Page, code: string) {
  await page.goto(`${appOrigin}/oauth/device`);
  await page.getByLabel("Code").fill(code);
  await page.getByRole("button", { name: "Continue" }).click();
}

export async function approveCode(page: Page, code: string, decision: "Allow" | "Deny" = "Allow") {
  await enterCode(page, code);
  await expect(page.getByRole("heading", { name: /^Connect .+\?$/ })).toBeVisible();
  await page.getByRole("button", { name: decision, exact: true }).click();
  await expect(page.getByRole("heading", { name: decision === "Allow" ? "Device connected" : "Access denied" })).toBeVisible();
}

// The page's own error (Next's route announcer is an empty alert too).
export function codeError(page: Page) {
  return page.locator("p[role=alert]");
}
