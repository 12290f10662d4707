import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
import { apiSecurityHeaders } from "./lib/security/headers";

// The developer API skips the middleware (middleware.ts), so its security headers are set here, on every
// answer under /v1 and /api/v1, including the 405s and OPTIONS answers Next makes without a handler.
const asList = (headers: Record<string, string>) => Object.entries(headers).map(([key, value]) => ({ key, value }));
const apiHeaders = asList({ ...apiSecurityHeaders({ https: false }), "Cache-Control": "no-store" });
const apiHsts = asList(apiSecurityHeaders({ https: true })).filter((header) => header.key === "Strict-Transport-Security");

const nextConfig = (phase: string): NextConfig => ({
  output: "standalone",
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return ["/v1/:path+", "/api/v1/:path+"].flatMap((source) => [
      { source, headers: apiHeaders },
      { source, has: [{ type: "header" as const, key: "x-forwarded-proto", value: "https" }], headers: apiHsts },
    ]);
  },
  // The developer API lives at /v1 (OpenAI-style base URLs) with no rewrite on its path: a rewrite costs
  // each request about 1 ms of CPU (docs/benchmarks.md). /api/v1 stays an alias for older clients.
  async rewrites() {
    return [{ source: "/api/v1/:path*", destination: "/v1/:path*" }];
  },
  // Build-time constant for edge code (lib/security/headers.ts), which cannot read settings at run time.
  compiler: { define: { __KEYLINE_DEV__: String(phase === PHASE_DEVELOPMENT_SERVER) } },
  serverExternalPackages: ["@libsql/client", "libsql", "pg", "nodemailer", "oidc-provider"],
});

export default nextConfig;
