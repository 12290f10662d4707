import { expect, test } from "./support/test";
import { ports } from "../support/ports";
import { startAppProcess, type AppProcess } from "./support/app-process";
import { linkIn, waitForMail } from "./support/mail";
import { recordSecret } from "../support/secrets-ledger";
import { uniqueEmail } from "./support/users";

// The rig serves http; a server whose AUTH_URL is https issues its cookies as it would in production. The
// requests below speak plain HTTP to it and carry the cookies by hand, as a browser on that origin would.
test.describe.configure({ retries: 0 });

let app: AppProcess;
test.beforeAll(async ({}, testInfo) => {
  const port = ports.limitedApp + 50 + testInfo.parallelIndex;
  app = await startAppProcess({ name: "https-app", port, env: { AUTH_URL: `https://localhost:${port}`, RATE_LIMIT_SIGNIN_IP: "1000/15m", RATE_LIMIT_PASSKEY_CHALLENGE_IP: "1000/15m" } });
});
test.afterAll(async () => {
  await app?.stop();
});

function setCookies(response: Response): string[] {
  return response.headers.getSetCookie();
}

function cookieValue(headers: string[], name: string): string | undefined {
  const header = headers.find((value) => value.startsWith(`${name}=`));
  return header?.slice(name.length + 1).split(";")[0];
}

async function signIn(email: string): Promise<{ token: string; header: string }> {
  const csrf = await fetch(`${app.origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = setCookies(csrf).find((value) => value.includes("csrf-token="))!.split(";")[0]!;
  const posted = await fetch(`${app.origin}/api/auth/signin/email`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ email, csrfToken, callbackUrl: "/chat" }),
  });
  expect(posted.status).toBe(302);
  const link = new URL(linkIn(await waitForMail(email)));
  const callback = new URLSearchParams({ token: link.searchParams.get("token")!, email });
  const signedIn = await fetch(`${app.origin}/api/auth/callback/email?${callback}`, { redirect: "manual", headers: { cookie: csrfCookie } });
  expect(signedIn.status).toBe(302);
  const cookies = setCookies(signedIn);
  const header = cookies.find((value) => value.includes("session-token="))!;
  const token = header.split(";")[0]!.split("=").slice(1).join("=");
  recordSecret("session-cookie", token);
  return { token, header };
}

const threadsWith = (cookie: string) => fetch(`${app.origin}/api/threads`, { headers: { cookie } }).then((r) => r.status);

test("on https the session cookie is __Host-: Secure, Path=/, no Domain", async () => {
  const { token, header } = await signIn(uniqueEmail("host-cookie"));
  expect(header.startsWith("__Host-authjs.session-token=")).toBe(true);
  const attributes = header.split(";").slice(1).map((part) => part.trim().toLowerCase());
  expect(attributes).toContain("secure");
  expect(attributes).toContain("path=/");
  expect(attributes).toContain("httponly");
  expect(attributes.some((attribute) => attribute.startsWith("domain="))).toBe(false);
  expect(await threadsWith(`__Host-authjs.session-token=${token}`)).toBe(200);
  // A cookie a sibling subdomain could plant (no prefix, or __Secure-) is not a session here.
  expect(await threadsWith(`authjs.session-token=${token}`)).toBe(401);
});

test("an earlier release's __Secure- cookie is not trusted: cleared on /login and its session ended", async () => {
  const { token } = await signIn(uniqueEmail("legacy-cookie"));
  const legacy = `__Secure-authjs.session-token=${token}`;
  expect(await threadsWith(legacy)).toBe(401);

  const chat = await fetch(`${app.origin}/chat`, { redirect: "manual", headers: { cookie: legacy } });
  expect(chat.status).toBe(307);
  expect(chat.headers.get("location")).toContain("/login");
  const login = await fetch(`${app.origin}/login?callbackUrl=%2Fchat`, { redirect: "manual", headers: { cookie: legacy } });
  expect(login.status).toBe(200);
  const cleared = setCookies(login).find((value) => value.startsWith("__Secure-authjs.session-token="));
  expect(cleared).toBeDefined();
  expect(cookieValue([cleared!], "__Secure-authjs.session-token")).toBe("");
  expect(cleared!.toLowerCase()).toMatch(/max-age=0|expires=thu, 01 jan 1970/);
  // Its session is over: the same token is refused under the current name too.
  expect(await threadsWith(`__Host-authjs.session-token=${token}`)).toBe(401);
});
