// Where a sign-up the policy refuses lands (the provider has proved who the person is, so saying so tells
// nobody anything about other people).
export const SIGN_UP_CLOSED_URL = `/login/error?${new URLSearchParams({ error: "SignUpClosed" })}`;
