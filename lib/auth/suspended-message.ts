// What a suspended account's owner reads when signing in (page and passkey answer alike).
export function suspendedMessage(reason: string | null): string {
  const because = reason ? ` The reason given: “${reason}”.` : "";
  return `This account is suspended by an administrator of this Keyline, so you cannot sign in.${because} If you think this is a mistake, contact them.`;
}
