import path from "node:path";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { defineConfig } from "prisma/config";

// Prisma 6 with the JS engine: migrations run through the driver adapter, no native engine download.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(import.meta.dirname, "schema.prisma"),
  migrations: { path: path.join(import.meta.dirname, "migrations") },
  async adapter() {
    return new PrismaLibSQL({ url: process.env.DATABASE_URL ?? "file:./data/keyline.db" });
  },
});
