import type http from "node:http";
import type { RigProvider } from "./oauth-clients";

// The rig OAuth server's pages. The consent form is where a test, acting as the person, says who they
// are at the provider (and whether this flow should fail), then allows or denies.

export const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function sendHtml(res: http.ServerResponse, status: number, title: string, body: string) {
  res
    .writeHead(status, { "content-type": "text/html; charset=utf-8" })
    .end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family:sans-serif;max-width:28rem;margin:2rem auto">${body}</body></html>`);
}

const field = (id: string, label: string, type = "text") =>
  `<p><label for="${id}">${label}</label><br><input id="${id}" name="${id}" type="${type}" style="width:100%"></p>`;

// The authorization request's own parameters ride along as hidden fields (a test may tamper with `state`).
export function consentForm(provider: RigProvider, title: string, params: URLSearchParams, oauthParams: string[]): string {
  const hidden = oauthParams
    .filter((name) => params.has(name))
    .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(params.get(name)!)}">`)
    .join("");
  return `<h1>${escapeHtml(title)}</h1><p>Keyline wants to sign you in. Who are you here?</p>
    <form method="get" action="/${provider}/__decide">${hidden}
      ${field("sub", "Account ID")}${field("email", "Email", "email")}
      <p><input id="email_verified" name="email_verified" type="checkbox" value="1"> <label for="email_verified">Email verified</label></p>
      ${field("name", "Name")}${field("login", "Username")}
      ${provider === "github" ? field("public_email", "Public profile email", "email") : ""}
      <p><label for="fail">Provider behaviour</label><br><select id="fail" name="fail">
        <option value="none">Works normally</option><option value="token">Token endpoint is down</option>
        ${provider === "github" ? `<option value="userinfo">Profile endpoint is down</option>` : ""}</select></p>
      <button type="submit" name="decision" value="allow">Allow</button>
      <button type="submit" name="decision" value="deny">Deny</button>
    </form>`;
}
