// Command line for the database: `npm run db:migrate`, `npm run db:seed`.
// Run with the react-server condition (see package.json) so server-only modules load.
import { closeDb, databaseKind } from "./client";
import { migrateDatabase } from "./migrate";
import { seedDemoPractice } from "./seed";

const command = process.argv[2];

async function main() {
  if (command !== "migrate" && command !== "seed") {
    console.error("Usage: tsx src/server/db/cli.ts migrate|seed");
    process.exitCode = 2;
    return;
  }
  await migrateDatabase();
  console.log(`Migrations applied (${databaseKind()}).`);
  if (command === "seed") {
    const seeded = await seedDemoPractice();
    console.log(seeded ? "Demo practice created: sign in as coach@demo.tend.test." : "The database already has the demo practice (or other practices); nothing seeded.");
  }
}

main()
  .catch((error: Error) => {
    console.error(error.message);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
