import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { dataKeyFrom, isSealed, openWith, SealedDataError, sealedKeyId, sealWith, type Keyring } from "@/server/crypto/sealed";

const keyA = dataKeyFrom(crypto.randomBytes(32).toString("base64"));
const keyB = dataKeyFrom(crypto.randomBytes(32).toString("base64"));
const ringA: Keyring = { current: keyA, previous: [] };

describe("sealed values", () => {
  it("round-trips text, including empty and non-ASCII, without the plaintext in the stored form", () => {
    for (const text of ["", "I still think about the night he left.", "Ünïcödé ✓ 日本語\n\ttabs"]) {
      const sealed = sealWith(ringA, text);
      expect(isSealed(sealed)).toBe(true);
      expect(sealedKeyId(sealed)).toBe(keyA.id);
      if (text) expect(sealed).not.toContain(text);
      expect(openWith(ringA, sealed)).toBe(text);
    }
  });

  it("seals the same text differently each time (random IV)", () => {
    expect(sealWith(ringA, "same")).not.toBe(sealWith(ringA, "same"));
  });

  it("refuses an altered value, a value under an unknown key, and plain text", () => {
    const sealed = sealWith(ringA, "private");
    const parts = sealed.split(":");
    const flipped = Buffer.from(parts[4]!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    parts[4] = flipped.toString("base64url");
    expect(() => openWith(ringA, parts.join(":"))).toThrow(SealedDataError);
    expect(() => openWith({ current: keyB, previous: [] }, sealed)).toThrow(/No data key with id/);
    expect(() => openWith(ringA, "private")).toThrow(SealedDataError);
  });

  it("refuses a value relabelled with another key's id (the header is authenticated)", () => {
    const sealed = sealWith(ringA, "private");
    const relabelled = sealed.replace(`:${keyA.id}:`, `:${keyB.id}:`);
    expect(() => openWith({ current: keyA, previous: [{ ...keyA, id: keyB.id }] }, relabelled)).toThrow(SealedDataError);
  });

  it("reads values sealed under a previous key once it is listed", () => {
    const old = sealWith(ringA, "from last year");
    const rotated: Keyring = { current: keyB, previous: [keyA] };
    expect(openWith(rotated, old)).toBe("from last year");
    expect(sealedKeyId(sealWith(rotated, "new"))).toBe(keyB.id);
  });

  it("accepts only 32-byte keys", () => {
    expect(() => dataKeyFrom(crypto.randomBytes(16).toString("base64"))).toThrow(/32 bytes/);
    expect(() => dataKeyFrom("not base64 at all")).toThrow(/32 bytes/);
  });
});
