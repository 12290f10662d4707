import "server-only";
import { z } from "zod";

// GitHub is plain OAuth 2: no ID token, no `email_verified`. The profile's public `email` is whatever the
// person chose to show, so the address we rely on is the primary one from /user/emails, with GitHub's
// own `verified` flag. (Auth.js's default reads the emails endpoint only when there is no public email
// and never checks `verified`.)

const userResponse = z.object({
  id: z.number().int(),
  login: z.string(),
  name: z.string().nullish(),
  avatar_url: z.string().nullish(),
});

const emailsResponse = z.array(z.object({ email: z.string(), primary: z.boolean(), verified: z.boolean() }));

export function githubApiBaseUrl(enterpriseBaseUrl: string | undefined): string {
  return enterpriseBaseUrl ? `${enterpriseBaseUrl.replace(/\/+$/, "")}/api/v3` : "https://api.github.com";
}

async function getJson(url: string, accessToken: string): Promise<unknown> {
  const response = await fetch(url, {
    headers: {
      Authorization: `Bearer ${accessToken}`,
      Accept: "application/vnd.github+json",
      "User-Agent": "keyline",
    },
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`GitHub answered ${response.status} for ${new URL(url).pathname}`);
  return response.json();
}

export async function fetchGithubProfile(apiBaseUrl: string, accessToken: string | undefined) {
  if (!accessToken) throw new Error("GitHub returned no access token");
  const user = userResponse.parse(await getJson(`${apiBaseUrl}/user`, accessToken));
  const emails = emailsResponse.parse(await getJson(`${apiBaseUrl}/user/emails`, accessToken));
  const primary = emails.find((entry) => entry.primary) ?? null;
  return {
    id: user.id,
    login: user.login,
    name: user.name ?? null,
    avatar_url: user.avatar_url ?? null,
    email: primary?.email ?? null,
    email_verified: primary?.verified === true,
  };
}
