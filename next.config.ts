import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files it loads from its own package folder at
  // run time; bundling it breaks those paths, so the server requires it as is.
  // pino resolves its helpers at run time too.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pino", "pino-pretty"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
