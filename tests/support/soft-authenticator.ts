import crypto from "node:crypto";
import { isoBase64URL, isoCBOR } from "@simplewebauthn/server/helpers";

// A software WebAuthn authenticator (ES256, "none" attestation) for tests that play the attacker or
// exercise the ceremony code without a browser: it signs exactly what it is told to, including things
// a real authenticator never would (a copied credential id, a stale counter, a forged user handle).

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_BE = 0x08;
const FLAG_BS = 0x10;
const FLAG_AT = 0x40;

const b64u = (bytes: Uint8Array) => isoBase64URL.fromBuffer(new Uint8Array(bytes));
const sha256 = (data: Uint8Array | string) => new Uint8Array(crypto.createHash("sha256").update(data).digest());

export type SoftCredential = {
  id: string;
  privateKey: crypto.KeyObject;
  publicKey: crypto.KeyObject;
  userHandle: string;
  counter: number;
};

type Flags = { userVerified?: boolean; userPresent?: boolean; backedUp?: boolean };

function flagsByte({ userVerified = true, userPresent = true, backedUp = false }: Flags, attested: boolean) {
  return (userPresent ? FLAG_UP : 0) | (userVerified ? FLAG_UV : 0) | (backedUp ? FLAG_BE | FLAG_BS : 0) | (attested ? FLAG_AT : 0);
}

function coseKey(publicKey: crypto.KeyObject): Uint8Array {
  const jwk = publicKey.export({ format: "jwk" });
  const map = new Map<number, number | Uint8Array>([
    [1, 2],
    [3, -7],
    [-1, 1],
    [-2, isoBase64URL.toBuffer(jwk.x!)],
    [-3, isoBase64URL.toBuffer(jwk.y!)],
  ]);
  return isoCBOR.encode(map);
}

function authData(rpId: string, flags: number, counter: number, attested?: Uint8Array): Uint8Array {
  const head = Buffer.alloc(37);
  Buffer.from(sha256(rpId)).copy(head, 0);
  head.writeUInt8(flags, 32);
  head.writeUInt32BE(counter, 33);
  return attested ? new Uint8Array(Buffer.concat([head, attested])) : new Uint8Array(head);
}

function clientData(type: string, challenge: string, origin: string) {
  return new TextEncoder().encode(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
}

export function newCredential(input: { userHandle: string; id?: string }): SoftCredential {
  const { privateKey, publicKey } = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
  return { id: input.id ?? b64u(crypto.randomBytes(32)), privateKey, publicKey, userHandle: input.userHandle, counter: 0 };
}

export function attest(credential: SoftCredential, input: { challenge: string; origin: string; rpId: string } & Flags) {
  const idBytes = isoBase64URL.toBuffer(credential.id);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(idBytes.length);
  const attested = Buffer.concat([Buffer.alloc(16), length, idBytes, coseKey(credential.publicKey)]);
  const data = authData(input.rpId, flagsByte(input, true), credential.counter, new Uint8Array(attested));
  const attestationObject = isoCBOR.encode(new Map<string, unknown>([["fmt", "none"], ["attStmt", new Map()], ["authData", data]]) as never);
  return {
    id: credential.id,
    rawId: credential.id,
    type: "public-key" as const,
    response: {
      clientDataJSON: b64u(clientData("webauthn.create", input.challenge, input.origin)),
      attestationObject: b64u(attestationObject),
      transports: ["internal"],
    },
    clientExtensionResults: {},
  };
}

export function assert(
  credential: SoftCredential,
  input: { challenge: string; origin: string; rpId: string; userHandle?: string | null; counter?: number; type?: string } & Flags,
) {
  credential.counter = input.counter ?? credential.counter + 1;
  const data = authData(input.rpId, flagsByte(input, false), credential.counter);
  const client = clientData(input.type ?? "webauthn.get", input.challenge, input.origin);
  const signature = crypto.sign("sha256", Buffer.concat([data, sha256(client)]), credential.privateKey);
  const userHandle = input.userHandle === null ? undefined : (input.userHandle ?? credential.userHandle);
  return {
    id: credential.id,
    rawId: credential.id,
    type: "public-key" as const,
    response: {
      clientDataJSON: b64u(client),
      authenticatorData: b64u(data),
      signature: b64u(new Uint8Array(signature)),
      ...(userHandle ? { userHandle } : {}),
    },
    clientExtensionResults: {},
  };
}

export const userHandleOf = (userId: string) => b64u(new TextEncoder().encode(userId));
