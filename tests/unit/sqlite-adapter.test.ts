import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { withConnectionPragmas } from "@/lib/db/sqlite-adapter";

// libsql runs statements synchronously, so the lock holder must be another process (as the e2e tests are).
const HOLDER = `
  const { createClient } = require("@libsql/client");
  (async () => {
    const client = createClient({ url: process.argv[1] });
    const tx = await client.transaction("write");
    await tx.execute("INSERT INTO t VALUES (1)");
    console.log("locked");
    setTimeout(() => tx.commit().then(() => process.exit(0)), 400);
  })();
`;

describe("SQLite connections", () => {
  it("wait for another process's write lock instead of failing with SQLITE_BUSY", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "keyline-sqlite-")), "db.sqlite");
    const client = withConnectionPragmas(createClient({ url: `file:${file}` }));
    await client.execute("CREATE TABLE t (x INTEGER)");

    const holder = spawn(process.execPath, ["-e", HOLDER, `file:${file}`], { cwd: process.cwd() });
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on("data", (chunk) => String(chunk).includes("locked") && resolve());
      holder.on("exit", (code) => reject(new Error(`holder exited early (${code})`)));
    });

    await client.execute("INSERT INTO t VALUES (2)");
    const { rows } = await client.execute("SELECT count(*) AS n FROM t");
    expect(Number(rows[0]!.n)).toBe(2);
    expect((await client.execute("PRAGMA journal_mode")).rows[0]!.journal_mode).toBe("wal");
  });
});
