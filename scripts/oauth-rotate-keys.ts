// npm run oauth:rotate-keys — give the OAuth authorization server a new signing key now; the old one stays published until its tokens expire
import { rotateSigningKey, RETIRED_KEY_GRACE_MS } from "../lib/oauth/signing-keys";

// Every instance picks the new key up within a minute (lib/oauth/provider.ts reloads its keys); tokens
// signed by the old key keep verifying for their remaining life plus a minute.
{
  const kid = await rotateSigningKey();
  console.log(`new signing key ${kid}; the previous key is retired and stays valid for ${Math.round(RETIRED_KEY_GRACE_MS / 60_000)} minutes`);
}
// (Prisma's SQLite adapter fails to disconnect cleanly; the process ends here anyway.)
process.exit();
