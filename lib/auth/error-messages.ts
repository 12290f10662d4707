// Auth.js error codes (the `error` query parameter on pages.error) in plain words.
const MESSAGES: Record<string, { title: string; description: string }> = {
  Verification: {
    title: "This sign-in link no longer works",
    description: "Sign-in links work once and expire after 10 minutes. Request a new one and open it right away.",
  },
  AccessDenied: {
    title: "Sign-in was refused",
    description: "This account is not allowed to sign in here. If you think it should be, ask whoever runs Keyline.",
  },
  SignUpClosed: {
    title: "This Keyline is not open for new accounts",
    description:
      "Whoever runs it only lets in invited people or addresses of certain domains, and this one is not among them. If you think it should be, ask them.",
  },
  InvitationUnusable: {
    title: "This invitation cannot be used",
    description:
      "Invitations work once and expire after 7 days, and whoever sent one can withdraw it. If you already accepted it, sign in. Otherwise ask for a new one, or wait a few minutes if you asked for many sign-in links.",
  },
  OAuthAccountNotLinked: {
    title: "That email already has an account",
    description:
      "We could not confirm that the provider verified this email, so we did not link it. Sign in the way you usually do, then link this provider from Settings → Security.",
  },
  OAuthCallbackError: {
    title: "Sign-in was cancelled",
    description:
      "The sign-in provider did not let you through: you may have declined, or it refused the request. Nothing was changed. Try again, or choose another way to sign in.",
  },
  OAuthSignInError: {
    title: "The sign-in provider could not be reached",
    description: "We could not start sign-in with that provider just now. Try again in a minute, or choose another way to sign in.",
  },
  // Auth.js reports everything it does not classify under this code: a bad or expired `state`, a
  // provider that is down or answers nonsense, as well as a real misconfiguration.
  Configuration: {
    title: "Sign-in could not be completed",
    description:
      "The sign-in request was not valid (it may have expired, or been started in another browser or tab), or the sign-in provider could not be reached. Nothing was changed. Please start again; if it keeps happening, tell whoever runs Keyline.",
  },
};

const FALLBACK = {
  title: "Sign-in did not complete",
  description: "Something interrupted sign-in, or the request was not valid. Please start again.",
};

export function signInErrorMessage(code: string | undefined) {
  return (code && Object.hasOwn(MESSAGES, code) ? MESSAGES[code] : undefined) ?? FALLBACK;
}

// Refusals when linking a provider from Settings → Security (lib/auth/linking.ts).
const LINK_MESSAGES: Record<string, (provider: string) => string> = {
  account_in_use: (provider) =>
    `That ${provider} account is already linked to another Keyline account, so it was not linked to this one. To use it here, unlink it from the other account first.`,
  reauthenticate: (provider) => `For your security, linking ${provider} needs a recent sign-in. Sign in again, then link it.`,
};

export function linkErrorMessage(code: string | undefined, provider: string): string | null {
  const message = code && Object.hasOwn(LINK_MESSAGES, code) ? LINK_MESSAGES[code] : undefined;
  return message ? message(provider) : null;
}
