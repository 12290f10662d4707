import { FlatCompat } from "@eslint/eslintrc";

const compat = new FlatCompat({ baseDirectory: import.meta.dirname });

// Each block below sets no-restricted-imports for its files, and a later block replaces an earlier one's
// setting for the same file: so every block spells out all the patterns that apply to its files.
const appImports = { group: ["@/app/*", "**/app/*"], message: "Dependencies point one way: app -> components -> lib." };
const componentDataImports = {
  group: ["@/lib/db/*", "**/lib/db/*", "@/lib/auth/guard", "**/lib/auth/guard"],
  message: "Components only show data: the page (or a lib/<domain> function it calls) loads it and passes it down.",
};

const config = [
  { ignores: ["node_modules/**", ".next/**", "lib/db/generated/**", "test-results/**", "playwright-report/**", "data/**", "next-env.d.ts"] },
  ...compat.extends("next/core-web-vitals", "next/typescript"),
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The server preload is CommonJS: node --require loads it before Next (scripts/start.mjs).
    files: ["scripts/server/**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Dependencies point one way: app -> components -> lib.
    files: ["components/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [appImports, componentDataImports] }] },
  },
  {
    files: ["lib/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [appImports, { group: ["@/components/*", "**/components/*"], message: "lib/ never imports UI." }] }] },
  },
  {
    // Each domain's operations module (lib/<domain>) writes its security-log entries with the change they
    // record; routes and actions call the operation.
    files: ["app/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "@/lib/db/queries/security-events", importNames: ["recordSecurityEvent"], message: "Write through the domain's operations module (lib/<domain>/manage.ts), which records the event with the change." }] },
      ],
    },
  },
];

export default config;
