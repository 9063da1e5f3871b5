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
  {
    // Dependencies point one way (docs/architecture.md): app → components → lib, app → server → lib,
    // emails → lib. Type-only imports count too: a type from src/server drags its module's
    // meaning along, and the next edit turns it into a value import.
    files: ["**/*.{ts,tsx,mts,mjs}"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./src/components",
              from: ["./src/app", "./src/server"],
              message: "Components get data and actions as props; shared types and pure code live in src/lib.",
            },
            {
              target: "./emails",
              from: ["./src/app", "./src/server", "./src/components"],
              message: "Email templates get everything computed in their data; helpers they share with the app live in src/lib.",
            },
            {
              target: "./src/lib",
              from: ["./src/app", "./src/server", "./src/components", "./emails"],
              message: "src/lib is pure code the browser also runs: it imports only other src/lib modules and packages.",
            },
            {
              target: "./src/server",
              from: ["./src/app", "./src/components"],
              message: "The domain doesn't know about routes or UI: move what both need to src/lib.",
            },
          ],
        },
      ],
    },
  },
  globalIgnores([".next/**", "out/**", ".data/**", "artifacts/**", "next-env.d.ts", "drizzle/**"]),
]);
