import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // Server paths log through src/server/log.ts, which keeps tokens, addresses and notes out of logs.
    files: ["src/server/**", "src/app/**", "src/proxy.ts", "src/instrumentation.ts"],
    ignores: ["src/server/db/cli.ts", "src/app/error.tsx"],
    rules: { "no-console": "error" },
  },
  globalIgnores([".next/**", "out/**", ".data/**", "artifacts/**", "next-env.d.ts", "drizzle/**"]),
]);
