-- Video links (docs/scheduling.md#meeting-places), the parts Drizzle can't say.
--
-- The practice's Jitsi server must be a web address (the settings form checks
-- it too; this is the guarantee).
ALTER TABLE "practices"
  ADD CONSTRAINT "practices_video_base_url_web" CHECK ("video_base_url" ~* '^https?://[^/]');
--> statement-breakpoint
-- A video offering that already names a link (or says how to join) keeps it:
-- it becomes "fixed", so nothing its clients were told changes. Video
-- offerings without one (the demo's three among them) keep the new default,
-- "automatic": each booking gets its own private room.
UPDATE "offerings"
  SET "video_link" = 'fixed'
  WHERE "format" = 'video' AND "location" IS NOT NULL AND btrim("location") <> '';
--> statement-breakpoint
-- Every existing booking gets its own room once, as new bookings do when they
-- are made: two random UUIDs give 244 random bits, hex is URL-safe.
UPDATE "bookings" AS b
  SET "video_url" = rtrim(p."video_base_url", '/') || '/Tend-' || replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')
  FROM "practices" AS p
  WHERE p."id" = b."practice_id" AND b."video_url" IS NULL;
