import type { NextConfig } from "next";

/**
 * Production builds are a static export (out/) that the Spring Boot app serves at the same origin as
 * the API (FrontendConfiguration). `next dev` is a normal server that proxies /api to a running
 * backend (BACKEND_URL, default http://localhost:8080), so cookies and CSRF work exactly as in
 * production.
 */
const exporting = process.env.NODE_ENV === "production";
const backend = process.env.BACKEND_URL ?? "http://localhost:8080";

const config: NextConfig = {
  output: exporting ? "export" : undefined,
  reactStrictMode: true,
  poweredByHeader: false,
  images: { unoptimized: true },
  devIndicators: false,
  ...(exporting
    ? {}
    : {
        async rewrites() {
          return [
            { source: "/api/:path*", destination: `${backend}/api/:path*` },
            { source: "/actuator/:path*", destination: `${backend}/actuator/:path*` },
          ];
        },
      }),
};

export default config;
