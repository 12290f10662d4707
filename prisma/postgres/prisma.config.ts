import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// adapter-pg 7.x: the 6.x adapter cannot run migrations (it fails to read `name` columns).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(import.meta.dirname, "schema.prisma"),
  migrations: { path: path.join(import.meta.dirname, "migrations") },
  async adapter() {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- adapter-pg 7 and prisma 6 disagree on a type tag only
    return new PrismaPg({ connectionString: process.env.DATABASE_URL }) as any;
  },
});
