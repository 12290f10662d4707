import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";

const nextConfig = (phase: string): NextConfig => ({
  output: "standalone",
  poweredByHeader: false,
  reactStrictMode: true,
  // The developer API lives under app/api/v1 and is also served at /v1 for OpenAI-style base URLs.
  async rewrites() {
    return [{ source: "/v1/:path*", destination: "/api/v1/:path*" }];
  },
  // Build-time constant for edge code (lib/security/headers.ts), which cannot read settings at run time.
  compiler: { define: { __KEYLINE_DEV__: String(phase === PHASE_DEVELOPMENT_SERVER) } },
  serverExternalPackages: ["@libsql/client", "libsql", "pg", "nodemailer", "oidc-provider"],
});

export default nextConfig;
