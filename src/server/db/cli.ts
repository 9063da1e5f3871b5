// Command line for the database: `npm run db:migrate`, `npm run db:seed`, `npm run keys:rotate`.
// Run with the react-server condition (see package.json) so server-only modules load.
import { rotateSealedData } from "@/server/crypto/rotate";
import { closeDb, databaseKind } from "./client";
import { migrateDatabase } from "./migrate";
import { seedDemoPractice } from "./seed";

const command = process.argv[2];

async function main() {
  if (command !== "migrate" && command !== "seed" && command !== "rotate-keys") {
    console.error("Usage: tsx src/server/db/cli.ts migrate|seed|rotate-keys");
    process.exitCode = 2;
    return;
  }
  await migrateDatabase();
  console.log(`Migrations applied (${databaseKind()}).`);
  if (command === "seed") {
    const seeded = await seedDemoPractice();
    console.log(seeded ? "Demo practice created: sign in as coach@demo.tend.test." : "The database already has the demo practice (or other practices); nothing seeded.");
  }
  if (command === "rotate-keys") {
    const rotated = await rotateSealedData();
    for (const { table, column, resealed } of rotated) console.log(`${table}.${column}: ${resealed} value(s) re-sealed`);
    console.log(rotated.length ? "Done: every sealed value now uses TEND_DATA_KEY." : "Nothing to re-seal: every sealed value already uses TEND_DATA_KEY.");
  }
}

main()
  .catch((error: Error) => {
    console.error(error.message);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
