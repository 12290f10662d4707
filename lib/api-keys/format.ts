import crypto from "node:crypto";
import { crc32 } from "node:zlib";

// Key format, made for secret scanners (the scheme GitHub uses for its tokens):
//   kl_live_<33 base62 chars: 192 random bits>_<6 base62 chars: CRC-32 of everything before it>
// A fixed prefix makes leaked keys easy to grep for; the checksum lets us refuse typos and guesses
// before touching the database.
export const KEY_PREFIX = "kl_live_";
const RANDOM_BYTES = 24;
const RANDOM_LENGTH = 33; // ceil(192 / log2(62))
const CHECKSUM_LENGTH = 6; // ceil(32 / log2(62))
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export const KEY_PATTERN = new RegExp(`^${KEY_PREFIX}[0-9A-Za-z]{${RANDOM_LENGTH}}_[0-9A-Za-z]{${CHECKSUM_LENGTH}}$`);
export const KEY_LENGTH = KEY_PREFIX.length + RANDOM_LENGTH + 1 + CHECKSUM_LENGTH;
// Characters shown in the list: the product prefix plus four random ones, and the last four.
const DISPLAY_PREFIX_LENGTH = KEY_PREFIX.length + 4;

export function base62(value: bigint, width: number): string {
  let out = "";
  let rest = value;
  while (rest > 0n) {
    out = ALPHABET[Number(rest % 62n)]! + out;
    rest /= 62n;
  }
  return out.padStart(width, "0");
}

function checksumOf(body: string): string {
  return base62(BigInt(crc32(body)), CHECKSUM_LENGTH);
}

export type GeneratedKey = { key: string; prefix: string; lastFour: string };

export function generateApiKey(): GeneratedKey {
  const random = base62(BigInt(`0x${crypto.randomBytes(RANDOM_BYTES).toString("hex")}`), RANDOM_LENGTH);
  const body = `${KEY_PREFIX}${random}`;
  const key = `${body}_${checksumOf(body)}`;
  return { key, ...displayParts(key) };
}

export function displayParts(key: string): { prefix: string; lastFour: string } {
  return { prefix: key.slice(0, DISPLAY_PREFIX_LENGTH), lastFour: key.slice(-4) };
}

// Shape and checksum only; no database. Constant work for any input up to a short length cap.
export function isWellFormedApiKey(candidate: string): boolean {
  if (candidate.length !== KEY_LENGTH || !KEY_PATTERN.test(candidate)) return false;
  const body = candidate.slice(0, -(CHECKSUM_LENGTH + 1));
  return checksumOf(body) === candidate.slice(-CHECKSUM_LENGTH);
}

// Anything that looks like one of our keys, well-formed or not: used to spot keys put in URLs.
export function looksLikeApiKey(value: string): boolean {
  return value.trim().startsWith("kl_");
}

// Keys carry 192 random bits, so a fast unsalted digest is safe here (no dictionary to try), and it
// lets the lookup go through a unique index.
export function hashApiKey(key: string): string {
  return crypto.createHash("sha256").update(key).digest("hex");
}
