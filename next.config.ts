import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";

const nextConfig = (phase: string): NextConfig => ({
  output: "standalone",
  poweredByHeader: false,
  reactStrictMode: true,
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
