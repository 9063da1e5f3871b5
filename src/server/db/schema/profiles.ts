import "server-only";
import { sql } from "drizzle-orm";
import { check, customType, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { updatedAt } from "./columns";
import { PROFILE_PHOTO_MAX_BYTES, PROFILE_PHOTO_TYPES } from "@/lib/practice-profile";
import { practices } from "./practices";

/** Raw bytes. postgres.js reads bytea as a Buffer, PGlite as a Uint8Array: both come back as a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
  toDriver: (value) => value,
});

/**
 * Who the coach is, as the booking pages show it: photo, short bio, credentials, languages and a
 * note at the top of every booking page. One row per practice, made when the coach first saves it.
 * The photo's bytes live here (small, checked by type and size, served by /api/public/<slug>/photo with
 * its own cache key): no file store to run for one picture.
 */
export const practiceProfiles = pgTable(
  "practice_profiles",
  {
    practiceId: uuid()
      .primaryKey()
      .references(() => practices.id, { onDelete: "cascade" }),
    bio: text().notNull().default(""),
    credentials: text().notNull().default(""),
    languages: text().array().notNull().default(sql`'{}'::text[]`),
    pageNote: text().notNull().default(""),
    photo: bytea(),
    photoType: text(),
    /** Changes with every new photo: the photo's URL carries it, so caches never serve an old one. */
    photoVersion: integer().notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("practice_profiles_photo_type", sql`${t.photoType} is null or ${t.photoType} in (${sql.raw(PROFILE_PHOTO_TYPES.map((type) => `'${type}'`).join(", "))})`),
    check("practice_profiles_photo_size", sql`${t.photo} is null or octet_length(${t.photo}) <= ${sql.raw(String(PROFILE_PHOTO_MAX_BYTES))}`),
    check("practice_profiles_photo_pair", sql`(${t.photo} is null) = (${t.photoType} is null)`),
  ],
);
