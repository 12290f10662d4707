// npm run audit:verify — check the admin audit trail's hash chain in DATABASE_URL; exit 1 naming the first broken row
import { verifyAuditChain } from "../lib/admin/verify-chain";
import { createDb } from "../lib/db/create-client";

const PROBLEMS = {
  gap: "a row is missing before it (its seq does not follow the previous one)",
  prev_hash: "it does not name the previous row's hash (a row before it was changed or removed)",
  hash: "its contents do not match its hash (the row was edited)",
} as const;

// The app's default (lib/env.ts, scripts/database-url.mjs), for a local checkout.
const db = createDb(process.env.DATABASE_URL || "file:./data/keyline.db");
{
  const result = await verifyAuditChain(db);
  if (result.broken) {
    console.error(`audit chain BROKEN at seq ${result.broken.seq}: ${PROBLEMS[result.broken.problem]}. ${result.checked} entries before it are intact.`);
    process.exitCode = 1;
  } else {
    console.log(`audit chain intact: ${result.checked} entries, head ${result.head}`);
  }
}
// (Prisma's SQLite adapter fails to disconnect cleanly; the process ends here anyway.)
process.exit();
