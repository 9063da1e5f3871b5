import "server-only";
import { eq, sql } from "drizzle-orm";
import { sniffPhotoType } from "@/lib/practice-profile";
import { getDb } from "@/server/db/client";
import { practiceProfiles, practices } from "@/server/db/schema";
import { invalid, notFound } from "@/server/errors";
import { parseInput } from "@/server/validate";
import { looksLikeSlug } from "./queries";
import { practiceProfileInput, type PracticeProfileInput } from "./schemas";

/** The profile as pages show it; `photoUrl` is set when there is a photo (its version busts caches). */
export type PracticeProfile = {
  bio: string;
  credentials: string;
  languages: string[];
  pageNote: string;
  photoUrl: string | null;
  /** The link preview's image (next/og), versioned with the photo. */
  ogImageUrl: string;
};

const EMPTY = { bio: "", credentials: "", languages: [] as string[], pageNote: "" };

const textColumns = {
  bio: practiceProfiles.bio,
  credentials: practiceProfiles.credentials,
  languages: practiceProfiles.languages,
  pageNote: practiceProfiles.pageNote,
  photoVersion: practiceProfiles.photoVersion,
  hasPhoto: practiceProfiles.photoType,
};

/** Where a practice's photo is served (relative: pages resolve it, metadata makes it absolute from APP_URL). */
const practicePhotoPath = (slug: string, version: number) => `/api/public/${slug}/photo?v=${version}`;

/** A practice's profile (empty fields when the coach hasn't written one). Never the photo's bytes. */
export async function getPracticeProfile(practiceId: string, slug: string): Promise<PracticeProfile> {
  const [row] = await getDb().select(textColumns).from(practiceProfiles).where(eq(practiceProfiles.practiceId, practiceId)).limit(1);
  const { bio, credentials, languages, pageNote } = row ?? EMPTY;
  const version = row?.hasPhoto ? row.photoVersion : 0;
  return {
    bio,
    credentials,
    languages,
    pageNote,
    photoUrl: row?.hasPhoto ? practicePhotoPath(slug, version) : null,
    ogImageUrl: `/api/public/${slug}/og-image?v=${version}`,
  };
}

/**
 * Saves the coach's profile: the text fields always, the photo when one is sent (checked by its
 * bytes: PNG, JPEG or WebP, at most 1 MB) or removed when asked. The database's checks refuse
 * anything else too.
 */
export async function savePracticeProfile(practiceId: string, input: PracticeProfileInput) {
  const { photo, removePhoto, ...text } = parseInput(practiceProfileInput, input);
  let photoChange: { photo: Buffer | null; photoType: string | null } | null = null;
  if (photo) {
    const bytes = Buffer.from(await photo.arrayBuffer());
    const type = sniffPhotoType(bytes);
    if (!type) throw invalid("That file isn’t a photo we can show.", { photo: ["Choose a PNG, JPEG or WebP image."] });
    photoChange = { photo: bytes, photoType: type };
  } else if (removePhoto) {
    photoChange = { photo: null, photoType: null };
  }
  const db = getDb();
  const [practice] = await db.select({ id: practices.id }).from(practices).where(eq(practices.id, practiceId)).limit(1);
  if (!practice) throw notFound("That practice");
  const values = { ...text, ...(photoChange ?? {}) };
  await db
    .insert(practiceProfiles)
    .values({ practiceId, ...values, photoVersion: photoChange?.photo ? 1 : 0 })
    .onConflictDoUpdate({
      target: practiceProfiles.practiceId,
      set: { ...values, ...(photoChange ? { photoVersion: sql`${practiceProfiles.photoVersion} + 1` } : {}) },
    });
  const [row] = await db.select(textColumns).from(practiceProfiles).where(eq(practiceProfiles.practiceId, practiceId));
  return { ...text, hasPhoto: !!row?.hasPhoto };
}

/** The photo's bytes and type for the public route, by slug; null when there is none. */
export async function getPracticePhoto(slug: string): Promise<{ bytes: Buffer; type: string; version: number } | null> {
  if (!looksLikeSlug(slug)) return null;
  const [row] = await getDb()
    .select({ photo: practiceProfiles.photo, type: practiceProfiles.photoType, version: practiceProfiles.photoVersion })
    .from(practiceProfiles)
    .innerJoin(practices, eq(practices.id, practiceProfiles.practiceId))
    .where(eq(practices.slug, slug.toLowerCase()))
    .limit(1);
  if (!row?.photo || !row.type) return null;
  return { bytes: row.photo, type: row.type, version: row.version };
}
