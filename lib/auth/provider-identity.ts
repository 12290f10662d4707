import { emailAddress } from "@/lib/validations/auth";

// What a provider says about a person, reduced to what Keyline uses. Pure, so the linking rules can be
// unit-tested without a provider.

export const OAUTH_PROVIDER_IDS = ["google", "github", "oidc"] as const;
export type OAuthProviderId = (typeof OAUTH_PROVIDER_IDS)[number];

export function isOAuthProviderId(value: unknown): value is OAuthProviderId {
  return typeof value === "string" && (OAUTH_PROVIDER_IDS as readonly string[]).includes(value);
}

// Raw claims (Google and OIDC ID tokens) or the GitHub profile as lib/auth/github-profile.ts builds it.
export type RawProfile = Record<string, unknown>;

export type AssertedEmail = { email: string | null; verified: boolean };

const MAX_TEXT = 200;

function text(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed ? trimmed.slice(0, MAX_TEXT) : null;
}

// Google and OIDC send `email_verified` (some issuers, e.g. AWS Cognito, as the string "true");
// github-profile.ts sets it from GitHub's emails endpoint. Anything else counts as unverified.
export function assertedEmail(profile: RawProfile): AssertedEmail {
  const parsed = emailAddress.safeParse(profile.email);
  if (!parsed.success) return { email: null, verified: false };
  const claim = profile.email_verified;
  return { email: parsed.data, verified: claim === true || claim === "true" };
}

// The provider's stable id for the person: `sub` for OIDC, the numeric `id` for GitHub. Never the email.
export function providerAccountIdOf(providerId: OAuthProviderId, profile: RawProfile): string {
  const raw = providerId === "github" ? profile.id : profile.sub;
  const id = typeof raw === "number" && Number.isSafeInteger(raw) ? String(raw) : text(raw);
  if (!id) throw new Error(`The ${providerId} profile has no account id`);
  return id;
}

// The User row a first sign-in creates. An unverified email is left off: stored, it would let whoever
// controls that provider account sit in wait for the address's real owner to sign in by magic link.
export function userFromProfile(providerId: OAuthProviderId, profile: RawProfile) {
  const { email, verified } = assertedEmail(profile);
  return {
    id: providerAccountIdOf(providerId, profile),
    name: text(profile.name) ?? text(profile.login) ?? text(profile.preferred_username),
    email: verified ? email : null,
    image: text(profile.picture) ?? text(profile.avatar_url),
  };
}

// Shown in Settings → Security next to the linked account, verified or not.
export function displayIdentity(profile: RawProfile): { email: string | null; login: string | null } {
  return { email: assertedEmail(profile).email, login: text(profile.login) ?? text(profile.preferred_username) };
}
