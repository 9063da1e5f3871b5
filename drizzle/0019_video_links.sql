CREATE TYPE "public"."video_link_mode" AS ENUM('automatic', 'fixed');--> statement-breakpoint
ALTER TABLE "offerings" ADD COLUMN "video_link" "video_link_mode" DEFAULT 'automatic' NOT NULL;--> statement-breakpoint
ALTER TABLE "practices" ADD COLUMN "video_base_url" text DEFAULT 'https://meet.jit.si' NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "video_url" text;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "video_url_override" text;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_video_urls_web" CHECK (("bookings"."video_url" is null or "bookings"."video_url" ~* '^https?://[^/]') and ("bookings"."video_url_override" is null or "bookings"."video_url_override" ~* '^https?://[^/]'));