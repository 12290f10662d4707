import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const MARKER = "// ---- models (shared) ----";
const read = (engine: string) => fs.readFileSync(path.join(__dirname, "../../prisma", engine, "schema.prisma"), "utf8");
const modelsOf = (schema: string) => schema.slice(schema.indexOf(MARKER));

describe("the SQLite and PostgreSQL schemas", () => {
  it("hold identical models (npm run db:sync copies them)", () => {
    expect(read("sqlite").includes(MARKER)).toBe(true);
    expect(modelsOf(read("postgres"))).toBe(modelsOf(read("sqlite")));
  });

  it("each have a migration history that ends at the current schema", () => {
    for (const engine of ["sqlite", "postgres"]) {
      const dir = path.join(__dirname, "../../prisma", engine, "migrations");
      const latest = fs.readdirSync(dir).filter((d) => /^\d{14}_/.test(d)).sort().at(-1);
      expect(latest, engine).toBeDefined();
      const snapshot = fs.readFileSync(path.join(dir, latest!, "schema.prisma"), "utf8");
      expect(modelsOf(snapshot), `${engine}: run npm run db:diff -- <name>`).toBe(modelsOf(read(engine)));
    }
  });
});
