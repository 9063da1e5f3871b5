CREATE TABLE "practice_profiles" (
	"practice_id" uuid PRIMARY KEY NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"credentials" text DEFAULT '' NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"page_note" text DEFAULT '' NOT NULL,
	"photo" "bytea",
	"photo_type" text,
	"photo_version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_profiles_photo_type" CHECK ("practice_profiles"."photo_type" is null or "practice_profiles"."photo_type" in ('image/png', 'image/jpeg', 'image/webp')),
	CONSTRAINT "practice_profiles_photo_size" CHECK ("practice_profiles"."photo" is null or octet_length("practice_profiles"."photo") <= 1048576),
	CONSTRAINT "practice_profiles_photo_pair" CHECK (("practice_profiles"."photo" is null) = ("practice_profiles"."photo_type" is null))
);
--> statement-breakpoint
ALTER TABLE "practices" ADD COLUMN "booking_grace_minutes" integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE "practice_profiles" ADD CONSTRAINT "practice_profiles_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_booking_grace_minutes" CHECK ("practices"."booking_grace_minutes" between 0 and 120);