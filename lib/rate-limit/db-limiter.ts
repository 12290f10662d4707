import "server-only";
import { RateLimiterPrisma } from "rate-limiter-flexible";
import { directOf, type Db } from "@/lib/db/create-client";

type Bucket = { points: number; expire: Date | null };

// rate-limiter-flexible's Prisma store counts with two statements per request (delete an expired row,
// then upsert). This one counts in a single INSERT … ON CONFLICT … RETURNING, the same SQL on SQLite
// and PostgreSQL and atomic on both, as the library's own RateLimiterPostgres and RateLimiterSQLite
// do: N parallel requests against a limit of N still let exactly N through. Reads, deletes and the
// sweep of expired rows stay the library's.
export class RateLimiterDb extends RateLimiterPrisma {
  private readonly db: Db;

  constructor(options: { storeClient: Db; keyPrefix: string; points: number; duration: number }) {
    super({ ...options, tableName: "rateLimitBucket" });
    this.db = options.storeClient;
  }

  // Called by the library for consume (forceExpire false) and block (true).
  async _upsert(key: string, points: number, msDuration: number, forceExpire = false): Promise<Bucket> {
    const now = new Date();
    const expire = msDuration > 0 ? new Date(now.getTime() + msDuration) : null;
    const rows = forceExpire
      ? await directOf(this.db).rows<Bucket>`
          INSERT INTO "RateLimitBucket" ("key", "points", "expire") VALUES (${key}, ${points}, ${expire})
          ON CONFLICT ("key") DO UPDATE SET "points" = excluded."points", "expire" = excluded."expire"
          RETURNING "points", "expire"`
      : await directOf(this.db).rows<Bucket>`
          INSERT INTO "RateLimitBucket" ("key", "points", "expire") VALUES (${key}, ${points}, ${expire})
          ON CONFLICT ("key") DO UPDATE SET
            "points" = CASE WHEN "RateLimitBucket"."expire" <= ${now} THEN excluded."points" ELSE "RateLimitBucket"."points" + excluded."points" END,
            "expire" = CASE WHEN "RateLimitBucket"."expire" <= ${now} THEN excluded."expire" ELSE "RateLimitBucket"."expire" END
          RETURNING "points", "expire"`;
    const row = rows[0];
    if (!row) throw new Error("rate limit upsert returned no row");
    return { points: Number(row.points), expire: row.expire === null ? null : new Date(row.expire) };
  }
}
