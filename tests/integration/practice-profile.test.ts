import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as photoRoute } from "@/app/api/public/[practice]/photo/route";
import { getDb } from "@/server/db/client";
import { practiceProfiles } from "@/server/db/schema";
import { getPracticePhoto, getPracticeProfile, savePracticeProfile } from "@/server/practices/profile";
import { createCoachWithPractice } from "../support/factories";

// The first bytes of real files are what count: a PNG signature, a JPEG's, a WebP's RIFF header.
const png = (size = 64) => Object.assign(new Uint8Array(size), { 0: 0x89, 1: 0x50, 2: 0x4e, 3: 0x47, 4: 0x0d, 5: 0x0a, 6: 0x1a, 7: 0x0a });
const webp = () => new Uint8Array([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0, 0]);
const file = (bytes: Uint8Array, type = "image/png") => new File([bytes as BlobPart], "photo", { type });

const photoRequest = (slug: string, query = "", headers: HeadersInit = {}) =>
  photoRoute(new Request(`http://localhost:3000/api/public/${slug}/photo${query}`, { headers }), { params: Promise.resolve({ practice: slug }) });

describe("the practice profile", () => {
  it("is empty until saved; saves trimmed text and a language list", async () => {
    const { practice } = await createCoachWithPractice();
    expect(await getPracticeProfile(practice.id, practice.slug)).toMatchObject({ bio: "", languages: [], photoUrl: null });
    await savePracticeProfile(practice.id, {
      bio: "  Thirty years with couples.\r\n\r\nKind and direct.  ",
      credentials: "MA, Counseling",
      languages: "English, spanish; English\nFrench",
      pageNote: "Away July 1–14.",
    });
    expect(await getPracticeProfile(practice.id, practice.slug)).toEqual({
      bio: "Thirty years with couples.\n\nKind and direct.",
      credentials: "MA, Counseling",
      languages: ["English", "spanish", "French"],
      pageNote: "Away July 1–14.",
      photoUrl: null,
      ogImageUrl: `/api/public/${practice.slug}/og-image?v=0`,
    });
  });

  it("refuses text over its limits, with the field named", async () => {
    const { practice } = await createCoachWithPractice();
    await expect(savePracticeProfile(practice.id, { bio: "x".repeat(1201) })).rejects.toMatchObject({ code: "invalid", fieldErrors: { bio: [expect.stringMatching(/1200/)] } });
    await expect(savePracticeProfile(practice.id, { languages: Array.from({ length: 11 }, (_, i) => `L${i}`).join(",") })).rejects.toMatchObject({
      fieldErrors: { languages: [expect.any(String)] },
    });
  });

  it("takes a PNG, JPEG or WebP photo up to 1 MB, judged by its bytes; refuses others with a field message", async () => {
    const { practice } = await createCoachWithPractice();
    await expect(savePracticeProfile(practice.id, { photo: file(new TextEncoder().encode("<svg onload=alert(1)>"), "image/png") })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { photo: ["Choose a PNG, JPEG or WebP image."] },
    });
    await expect(savePracticeProfile(practice.id, { photo: file(png(1024 * 1024 + 1)) })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { photo: [expect.stringMatching(/over 1 MB/)] },
    });
    expect(await getPracticePhoto(practice.slug)).toBeNull();

    await savePracticeProfile(practice.id, { photo: file(png(1024 * 1024)) });
    const stored = await getPracticePhoto(practice.slug);
    expect(stored).toMatchObject({ type: "image/png", version: 1 });
    expect(stored!.bytes.length).toBe(1024 * 1024);
    // A browser claiming PNG for a WebP file: stored as what it is.
    await savePracticeProfile(practice.id, { photo: file(webp(), "image/png"), bio: "Hello" });
    expect(await getPracticePhoto(practice.slug)).toMatchObject({ type: "image/webp", version: 2 });
    expect((await getPracticeProfile(practice.id, practice.slug)).photoUrl).toBe(`/api/public/${practice.slug}/photo?v=2`);
    // Saving the text alone keeps the photo.
    await savePracticeProfile(practice.id, { bio: "Hello again" });
    expect(await getPracticePhoto(practice.slug)).toMatchObject({ version: 2 });
    await savePracticeProfile(practice.id, { removePhoto: "on" });
    expect(await getPracticePhoto(practice.slug)).toBeNull();
    expect((await getPracticeProfile(practice.id, practice.slug)).bio).toBe("");
  });

  it("the database itself refuses an oversized photo or one without its type", async () => {
    const { practice } = await createCoachWithPractice();
    const db = getDb();
    await expect(db.insert(practiceProfiles).values({ practiceId: practice.id, photo: Buffer.from(png(1024 * 1024 + 1)), photoType: "image/png" })).rejects.toThrow();
    await expect(db.insert(practiceProfiles).values({ practiceId: practice.id, photo: Buffer.from(png()), photoType: "image/svg+xml" })).rejects.toThrow();
    await expect(db.insert(practiceProfiles).values({ practiceId: practice.id, photo: Buffer.from(png()) })).rejects.toThrow();
    expect(await db.select().from(practiceProfiles).where(eq(practiceProfiles.practiceId, practice.id))).toEqual([]);
  });

  it("is saved per practice: one coach's save never touches another's", async () => {
    const a = await createCoachWithPractice();
    const b = await createCoachWithPractice();
    await savePracticeProfile(b.practice.id, { bio: "B's bio", photo: file(png()) });
    await savePracticeProfile(a.practice.id, { bio: "A's bio" });
    expect((await getPracticeProfile(b.practice.id, b.practice.slug)).bio).toBe("B's bio");
    expect(await getPracticePhoto(b.practice.slug)).toMatchObject({ version: 1 });
    await expect(savePracticeProfile("00000000-0000-4000-8000-000000000000", { bio: "x" })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the photo route", () => {
  it("serves the bytes with their type, cached for a year under the current version and briefly otherwise; 304 on a match; 404 without", async () => {
    const { practice } = await createCoachWithPractice();
    expect((await photoRequest(practice.slug)).status).toBe(404);
    await savePracticeProfile(practice.id, { photo: file(png(100)) });
    const current = await photoRequest(practice.slug, "?v=1");
    expect(current.status).toBe(200);
    expect(current.headers.get("content-type")).toBe("image/png");
    expect(current.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(new Uint8Array(await current.arrayBuffer())).toEqual(png(100));
    const stale = await photoRequest(practice.slug, "?v=0");
    expect(stale.headers.get("cache-control")).toBe("public, max-age=300");
    const again = await photoRequest(practice.slug, "?v=1", { "if-none-match": current.headers.get("etag")! });
    expect(again.status).toBe(304);
    expect((await photoRequest("no-such-practice")).status).toBe(404);
    expect((await photoRequest("../etc")).status).toBe(404);
  });
});
