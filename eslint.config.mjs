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
  {
    // The browser gets no validation or date library (the booking page's JavaScript budget,
    // bench/page-js.ts): components and the time code both sides run use Intl, and zod schemas
    // live with the server (src/lib/validation.ts, src/server/*/schemas.ts). luxon is a test oracle.
    // src/lib/scheduling/policy.ts is read by the booking and manage pages' own code (the late-window
    // warning), so it is browser code too; `@/lib/zod` is zod by another name.
    files: ["src/components/**", "src/lib/time/**", "src/lib/scheduling/policy.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "zod", message: "Browser code validates nothing with zod: the server parses input (src/lib/validation.ts, src/server/*/schemas.ts)." },
            { name: "@/lib/zod", message: "Browser code validates nothing with zod: the server parses input (src/lib/validation.ts, src/server/*/schemas.ts)." },
            { name: "luxon", message: "Browser code reads dates and zones through src/lib/time (Intl), not a date library." },
          ],
        },
      ],
    },
  },
  globalIgnores([".next/**", "out/**", ".data/**", "artifacts/**", "next-env.d.ts", "drizzle/**"]),
]);
