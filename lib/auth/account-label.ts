// How the signed-in person is named in the app's chrome: the email address, or for accounts without one
// (a GitHub user who keeps theirs private) the provider's name, never a blank.
export function accountLabel(user: { email: string | null; name: string | null }): string {
  return user.email || user.name?.trim() || "Your account";
}
