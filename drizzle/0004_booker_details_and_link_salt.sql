-- What the booker typed now lives on the booking. Bookings made before this
-- migration only have the client records they were filed under, so those
-- fill the new columns once (hand-written: Drizzle would add NOT NULL columns
-- to a table with rows and fail).
ALTER TABLE "bookings" ADD COLUMN "booker_name" text;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "booker_email" text;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "booker_phone" text;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "partner_name" text;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "partner_email" text;--> statement-breakpoint
UPDATE "bookings" b SET "booker_name" = c."name", "booker_email" = c."email", "booker_phone" = c."phone"
  FROM "clients" c WHERE c."id" = b."client_id";--> statement-breakpoint
UPDATE "bookings" b SET "partner_name" = p."name", "partner_email" = p."email"
  FROM "clients" p WHERE p."id" = b."partner_client_id";--> statement-breakpoint
ALTER TABLE "bookings" ALTER COLUMN "booker_name" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ALTER COLUMN "booker_email" SET NOT NULL;--> statement-breakpoint
-- Every booking gets its own link secret; links mailed before this point
-- (an HMAC of the booking id alone) stop working.
ALTER TABLE "bookings" ADD COLUMN "manage_salt" text DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '') NOT NULL;
