// Which verified addresses SIGNUP_DOMAINS and ADMIN_EMAILS admit. Pure and deliberately narrow: a domain is
// ASCII letters, digits and hyphens in dot-separated labels, compared exactly (case aside). Anything else
// (Unicode look-alikes, a trailing dot, a quoted or odd local part, an address inside another) never matches,
// so a rule written for `example.com` admits nobody from `example.com.evil.test` or `evil-example.com`.

const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
const DOMAIN = new RegExp(`^${LABEL}(?:\\.${LABEL})+$`);
// The local part of an ordinary address: no quotes, spaces, brackets or a second @.
const LOCAL_PART = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}$/;

export type DomainPattern = { domain: string; subdomains: boolean };

// `example.com` (that domain only) or `*.example.com` (its subdomains, not the domain itself).
export function parseDomainPattern(raw: string): DomainPattern | null {
  const value = raw.trim().toLowerCase();
  const subdomains = value.startsWith("*.");
  const domain = subdomains ? value.slice(2) : value;
  return DOMAIN.test(domain) ? { domain, subdomains } : null;
}

// The domain of a plain address, lowercased, or null when the address is anything but plain.
export function plainEmailDomain(email: string): string | null {
  const value = email.toLowerCase();
  const at = value.indexOf("@");
  if (at <= 0 || at !== value.lastIndexOf("@")) return null;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (!LOCAL_PART.test(local) || local.startsWith(".") || local.endsWith(".") || local.includes("..")) return null;
  return DOMAIN.test(domain) ? domain : null;
}

export function domainMatches(email: string | null, patterns: readonly DomainPattern[]): boolean {
  if (!email) return false;
  const domain = plainEmailDomain(email);
  if (!domain) return false;
  return patterns.some((pattern) => (pattern.subdomains ? domain.endsWith(`.${pattern.domain}`) : domain === pattern.domain));
}

// ADMIN_EMAILS entries are whole addresses; the same plainness applies to both sides.
export function emailListed(email: string | null, list: readonly string[]): boolean {
  if (!email || !plainEmailDomain(email)) return false;
  const value = email.toLowerCase();
  return list.some((entry) => entry === value);
}
