import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files it loads from its own package folder at
  // run time; bundling it breaks those paths, so the server requires it as is.
  // pino resolves its helpers at run time too. node-ical (calendar sync) pulls in
  // temporal-polyfill, whose bundled copy fails at build time (`s.BigInt is not a function`
  // while collecting the cron route's page data), so it is required as is as well.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pino", "pino-pretty", "node-ical"],
  poweredByHeader: false,
  // Browser source maps, served beside each chunk: readable stack traces in the browser's tools,
  // and `npm run bench` (bench/page-js.ts) names what fills each public page's scripts. Tend is
  // open source, so they reveal nothing; browsers fetch them only when the developer tools open.
  productionBrowserSourceMaps: true,
  typedRoutes: false,
  // The practice profile's photo (at most 1 MB, src/lib/practice-profile.ts) is a server action's
  // form field; Next's default body limit of 1 MB would refuse a photo just under it with its form.
  experimental: { serverActions: { bodySizeLimit: "2mb" } },
};

export default nextConfig;
