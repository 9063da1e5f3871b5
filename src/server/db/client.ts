import "server-only";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/env";
import * as schema from "./schema";

/**
 * Both drivers produce the same query builder; the postgres.js type is used
 * as the common one so domain code is written once. Only raw `execute`
 * results differ in shape (see `rowsOf`).
 */
export type Db = PostgresJsDatabase<typeof schema>;
type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

type Handle = { db: Db; kind: "postgres" | "pglite"; close: () => Promise<void> };

// Kept on globalThis so dev-server hot reloads reuse one connection (and one
// PGlite instance, which must be the only one on its directory).
const store = globalThis as unknown as { __tendDb?: Handle };

export function getDb(): Db {
  return handle().db;
}

export function databaseKind(): Handle["kind"] {
  return handle().kind;
}

export async function closeDb() {
  const current = store.__tendDb;
  store.__tendDb = undefined;
  await current?.close();
}

function handle(): Handle {
  store.__tendDb ??= open();
  return store.__tendDb;
}

function open(): Handle {
  const { DATABASE_URL, PGLITE_DIR } = env();
  if (DATABASE_URL) {
    const client = postgres(DATABASE_URL, { max: 10, onnotice: () => {} });
    return {
      kind: "postgres",
      db: drizzlePostgres({ client, schema, casing: "snake_case" }),
      close: () => client.end({ timeout: 5 }),
    };
  }
  const inMemory = PGLITE_DIR.startsWith("memory://");
  const releaseLock = inMemory ? () => {} : lockPgliteDirectory(path.resolve(PGLITE_DIR));
  const client = new PGlite(PGLITE_DIR, { extensions: { btree_gist } });
  return {
    kind: "pglite",
    db: drizzlePglite({ client, schema, casing: "snake_case" }) as unknown as Db,
    close: async () => {
      await client.close();
      releaseLock();
    },
  };
}

/**
 * PGlite is an embedded, single-process database: a second process opening
 * the same directory silently loses writes. A pid file makes that a loud
 * error instead; a file left by a process that has died is taken over.
 */
export function lockPgliteDirectory(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockFile = path.join(dir, "tend.pid");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      const release = () => {
        try {
          if (fs.readFileSync(lockFile, "utf8") === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(fs.readFileSync(lockFile, "utf8"));
      if (holder === process.pid) return () => {};
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new Error(
          `The embedded database in ${dir} is already open in another process (pid ${holder}). ` +
            `PGlite allows one process per data directory: stop that process (for example the dev server) ` +
            `before running this one, or set DATABASE_URL to use a Postgres server.`,
        );
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database directory ${dir}.`);
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** `execute` returns an array on postgres.js and `{ rows }` on PGlite. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
