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
  OAuthAccountNotLinked: {
    title: "That email already has an account",
    description:
      "We could not confirm that the provider verified this email, so we did not link it. Sign in the way you usually do, then link this provider from Settings → Security.",
  },
  Configuration: {
    title: "Sign-in is not available",
    description: "Sign-in is not set up correctly on this server. Please tell whoever runs Keyline.",
  },
};

const FALLBACK = {
  title: "Sign-in did not complete",
  description: "Something interrupted sign-in, or the request was not valid. Please start again.",
};

export function signInErrorMessage(code: string | undefined) {
  return (code && Object.hasOwn(MESSAGES, code) ? MESSAGES[code] : undefined) ?? FALLBACK;
}
