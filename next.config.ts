import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  output: "standalone",
  poweredByHeader: false,
  reactStrictMode: true,
  // The developer API lives under app/api/v1 and is also served at /v1 for OpenAI-style base URLs.
  async rewrites() {
    return [{ source: "/v1/:path*", destination: "/api/v1/:path*" }];
  },
  serverExternalPackages: ["@libsql/client", "libsql", "pg", "nodemailer"],
};

export default nextConfig;
