import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  // tsconfig keeps JSX for Next.js to compile; unit tests that render components need it compiled here.
  oxc: { jsx: { runtime: "automatic" } },
  test: {
    include: ["tests/unit/**/*.test.ts"],
    env: { AUTH_SECRET: "unit-test-secret-0123456789abcdefghijklmnop" },
    environment: "node",
    // server-only throws outside React Server Components; unit tests import server modules on purpose.
    alias: { "server-only": path.resolve(import.meta.dirname, "tests/unit/support/empty.ts") },
  },
});
