import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(__dirname, "src"),
  "@emails": path.resolve(__dirname, "emails"),
  // Domain modules are marked server-only; tests are a server.
  "server-only": path.resolve(__dirname, "node_modules/server-only/empty.js"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    // Each integration file opens its own database; two files at a time suit a 2-core machine.
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
              test: {
          name: "unit",
          include: ["tests/unit/**/*.test.{ts,tsx}"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
              test: {
          name: "integration",
          include: ["tests/integration/**/*.test.{ts,tsx}"],
          environment: "node",
          setupFiles: ["tests/support/integration-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.e2e.ts"],
          environment: "node",
          // Starts the production build (`npm run build` first) on a fresh database.
          globalSetup: ["tests/e2e/global-setup.ts"],
          // One server and one browser: journeys run one file at a time.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
