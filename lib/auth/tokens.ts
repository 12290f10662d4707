import crypto from "node:crypto";

// 256 bits: well above ASVS's 128-bit floor for bearer tokens (Auth.js's default UUID has 122).
export function generateToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString("base64url");
}

// Bearer secrets are stored only as this digest, so a database dump signs nobody in.
export function sha256Hex(value: string): string {
  return crypto.createHash("sha256").update(value).digest("hex");
}
