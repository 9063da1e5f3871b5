import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rowsOf, type Db } from "@/server/db/client";
import { openWith, sealWith, serverKeyring, type Keyring } from "./sealed";

export type RotationResult = { table: string; column: string; resealed: number }[];

const BATCH = 500;

/**
 * Re-seals every value sealed under an older key with the current one, after
 * an operator sets a new TEND_DATA_KEY and moves the old key to
 * TEND_DATA_KEY_PREVIOUS (`npm run keys:rotate`). Sealed columns are found by
 * their contents (text starting `enc:v1:`), so a column added by a later
 * feature is covered without being listed here. Safe to run again: values
 * already under the current key are left alone. Once it reports nothing
 * left, the previous key can be dropped.
 */
export async function rotateSealedData(db: Db = getDb(), keyring: Keyring = serverKeyring()): Promise<RotationResult> {
  const result = await sealLegacyPlaintext(db, keyring);
  const columns = rowsOf<{ table_name: string; column_name: string }>(
    await db.execute(sql`
      select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and data_type = 'text'
      order by table_name, column_name`),
  );
  const current = `enc:v1:${keyring.current.id}:%`;
  for (const { table_name: table, column_name: column } of columns) {
    const t = sql.identifier(table);
    const c = sql.identifier(column);
    let resealed = 0;
    for (;;) {
      const stale = rowsOf<{ row: string; value: string }>(
        await db.execute(sql`select ctid::text as row, ${c} as value from ${t}
          where ${c} like 'enc:v1:%' and ${c} not like ${current} limit ${BATCH}`),
      );
      if (stale.length === 0) break;
      await db.transaction(async (tx) => {
        for (const { row, value } of stale) {
          const fresh = sealWith(keyring, openWith(keyring, value));
          // Matching the old value too: a row changed meanwhile keeps its newer (already current) value.
          await tx.execute(sql`update ${t} set ${c} = ${fresh} where ctid = ${row}::tid and ${c} = ${value}`);
        }
      });
      resealed += stale.length;
    }
    if (resealed) result.push({ table, column, resealed });
  }
  return result;
}

/**
 * Columns that held plain text before they were sealed (declared with `sealedLegacyText()`).
 * A column added to this list needs no data migration: its old rows are sealed here.
 */
const LEGACY_PLAINTEXT = [{ table: "bookings", column: "note" }] as const;

/**
 * Seals the plain-text values left in the columns above from before they were sealed. Runs at
 * every start (after the migrations; finding nothing once done) and with `npm run keys:rotate`.
 * A row changed meanwhile keeps its newer value.
 */
export async function sealLegacyPlaintext(db: Db = getDb(), keyring: Keyring = serverKeyring()): Promise<RotationResult> {
  const result: RotationResult = [];
  for (const { table, column } of LEGACY_PLAINTEXT) {
    const t = sql.identifier(table);
    const c = sql.identifier(column);
    let sealed = 0;
    let after = "(0,0)";
    for (;;) {
      // Paged by ctid, so a row whose update lost to a concurrent change is not fetched again forever.
      const rows = rowsOf<{ row: string; value: string }>(
        await db.execute(sql`select ctid::text as row, ${c} as value from ${t}
          where ${c} is not null and ${c} not like 'enc:v1:%' and ctid > ${after}::tid order by ctid limit ${BATCH}`),
      );
      if (rows.length === 0) break;
      await db.transaction(async (tx) => {
        for (const { row, value } of rows) {
          await tx.execute(sql`update ${t} set ${c} = ${sealWith(keyring, value)} where ctid = ${row}::tid and ${c} = ${value}`);
          sealed += 1;
        }
      });
      after = rows[rows.length - 1]!.row;
    }
    if (sealed) result.push({ table, column, resealed: sealed });
  }
  return result;
}
