import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { pgTable, text } from "drizzle-orm/pg-core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { rotateSealedData } from "@/server/crypto/rotate";
import { dataKeyFrom, resetServerKeyring, sealedJson, sealedKeyId, sealedText } from "@/server/crypto/sealed";
import { getDb, rowsOf } from "@/server/db/client";

// A table of the test's own, declared the way a feature's schema declares sealed columns.
const journal = pgTable("test_sealed_journal", {
  id: text().primaryKey(),
  reflection: sealedText(),
  answers: sealedJson<{ pillar: string; rating: number }[]>(),
});

const originalKey = process.env.TEND_DATA_KEY!;

function useKeys(current: string, previous?: string) {
  process.env.TEND_DATA_KEY = current;
  if (previous) process.env.TEND_DATA_KEY_PREVIOUS = previous;
  else delete process.env.TEND_DATA_KEY_PREVIOUS;
  resetEnvCache();
  resetServerKeyring();
}

async function rawRow(id: string) {
  const rows = rowsOf<{ reflection: string; answers: string }>(
    await getDb().execute(sql`select reflection, answers from test_sealed_journal where id = ${id}`),
  );
  return rows[0]!;
}

beforeAll(async () => {
  await getDb().execute(sql`create table test_sealed_journal (id text primary key, reflection text not null, answers text not null)`);
});

afterEach(() => useKeys(originalKey));

describe("sealed columns", () => {
  it("store ciphertext only, and read back as plain values", async () => {
    const reflection = "We talked without phones for the first time in months.";
    await getDb().insert(journal).values({ id: "a", reflection, answers: [{ pillar: "listening", rating: 2 }] });

    const raw = await rawRow("a");
    expect(raw.reflection).not.toContain("phones");
    expect(raw.answers).not.toContain("listening");
    expect(raw.reflection.startsWith("enc:v1:")).toBe(true);

    const [row] = await getDb().select().from(journal).where(eq(journal.id, "a"));
    expect(row).toEqual({ id: "a", reflection, answers: [{ pillar: "listening", rating: 2 }] });
  });

  it("keys:rotate re-seals old values under the new key, leaves current ones alone, and the old key can then go", async () => {
    await getDb().insert(journal).values({ id: "b", reflection: "sealed under the first key", answers: [] });
    const before = await rawRow("b");

    const newKey = crypto.randomBytes(32).toString("base64");
    useKeys(newKey, originalKey);
    const rotated = await rotateSealedData();
    expect(rotated).toEqual(
      expect.arrayContaining([
        { table: "test_sealed_journal", column: "reflection", resealed: 2 },
        { table: "test_sealed_journal", column: "answers", resealed: 2 },
      ]),
    );
    const after = await rawRow("b");
    expect(after.reflection).not.toBe(before.reflection);
    expect(sealedKeyId(after.reflection)).toBe(dataKeyFrom(newKey).id);
    expect(await rotateSealedData()).toEqual([]);

    useKeys(newKey);
    const [row] = await getDb().select().from(journal).where(eq(journal.id, "b"));
    expect(row!.reflection).toBe("sealed under the first key");
  });
});
