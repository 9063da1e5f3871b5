import Module from "node:module";
import { defineConfig } from "drizzle-kit";

// The schema is server code (`import "server-only"`, which throws outside a React server
// bundle). drizzle-kit reads it in plain Node, so the marker is pre-loaded here as the empty
// module it is on the server; the app and the tests are unaffected.
const require = Module.createRequire(`${process.cwd()}/package.json`);
const marker = new Module(require.resolve("server-only"));
marker.loaded = true;
require.cache[marker.id] = marker;

// Migrations are generated from the schema (`npm run db:generate`) and applied
// by our own migrator (src/server/db/migrate.ts) on both PGlite and Postgres.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/server/db/schema/index.ts",
  // CI generates into a copy (DRIZZLE_OUT) to prove the schema needs no new migration (.ci/run).
  out: process.env.DRIZZLE_OUT ?? "./drizzle",
  casing: "snake_case",
});
