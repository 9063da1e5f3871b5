CREATE TYPE "public"."booking_status" AS ENUM('pending_payment', 'confirmed', 'canceled', 'late_canceled', 'completed', 'no_show');--> statement-breakpoint
CREATE TYPE "public"."payment_status" AS ENUM('unpaid', 'paid', 'refunded', 'not_required');--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"offering_id" uuid NOT NULL,
	"coach_id" text NOT NULL,
	"client_id" uuid NOT NULL,
	"partner_client_id" uuid,
	"status" "booking_status" NOT NULL,
	"payment_status" "payment_status" DEFAULT 'unpaid' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"blocked_from" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone NOT NULL,
	"client_time_zone" text NOT NULL,
	"note" text,
	"policy" jsonb NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"booked_by" text DEFAULT 'client' NOT NULL,
	"canceled_at" timestamp with time zone,
	"canceled_by" text,
	"cancel_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bookings_order" CHECK ("bookings"."starts_at" < "bookings"."ends_at"),
	CONSTRAINT "bookings_blocked_covers" CHECK ("bookings"."blocked_from" <= "bookings"."starts_at" and "bookings"."blocked_until" >= "bookings"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "calendar_blocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"coach_id" text NOT NULL,
	"label" text DEFAULT 'Busy' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_blocks_order" CHECK ("calendar_blocks"."starts_at" < "calendar_blocks"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "date_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"coach_id" text NOT NULL,
	"date" date NOT NULL,
	"intervals" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "time_off" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"coach_id" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	CONSTRAINT "time_off_order" CHECK ("time_off"."start_date" <= "time_off"."end_date")
);
--> statement-breakpoint
CREATE TABLE "weekly_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"coach_id" text NOT NULL,
	"weekday" smallint NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	CONSTRAINT "weekly_hours_weekday" CHECK ("weekly_hours"."weekday" between 1 and 7),
	CONSTRAINT "weekly_hours_order" CHECK ("weekly_hours"."start_time" < "weekly_hours"."end_time")
);
--> statement-breakpoint
ALTER TABLE "offerings" ADD COLUMN "buffer_before_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "offerings" ADD COLUMN "buffer_after_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "offerings" ADD COLUMN "minimum_notice_minutes" integer DEFAULT 720 NOT NULL;--> statement-breakpoint
ALTER TABLE "offerings" ADD COLUMN "horizon_days" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "offerings" ADD COLUMN "slot_interval_minutes" integer;--> statement-breakpoint
ALTER TABLE "offerings" ADD COLUMN "max_per_day" integer;--> statement-breakpoint
ALTER TABLE "offerings" ADD COLUMN "cancellation_window_hours" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "offerings" ADD COLUMN "reschedule_window_hours" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "practices" ADD COLUMN "calendar_feed_token" text DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '') NOT NULL;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "topic" text;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_offering_id_offerings_id_fk" FOREIGN KEY ("offering_id") REFERENCES "public"."offerings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_coach_id_users_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_partner_client_id_clients_id_fk" FOREIGN KEY ("partner_client_id") REFERENCES "public"."clients"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_blocks" ADD CONSTRAINT "calendar_blocks_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_blocks" ADD CONSTRAINT "calendar_blocks_coach_id_users_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "date_overrides" ADD CONSTRAINT "date_overrides_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "date_overrides" ADD CONSTRAINT "date_overrides_coach_id_users_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_off" ADD CONSTRAINT "time_off_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_off" ADD CONSTRAINT "time_off_coach_id_users_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_hours" ADD CONSTRAINT "weekly_hours_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_hours" ADD CONSTRAINT "weekly_hours_coach_id_users_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bookings_practice_start_idx" ON "bookings" USING btree ("practice_id","starts_at");--> statement-breakpoint
CREATE INDEX "bookings_coach_blocked_idx" ON "bookings" USING btree ("coach_id","blocked_from");--> statement-breakpoint
CREATE INDEX "bookings_client_idx" ON "bookings" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "calendar_blocks_coach_time_idx" ON "calendar_blocks" USING btree ("coach_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "date_overrides_coach_date_key" ON "date_overrides" USING btree ("practice_id","coach_id","date");--> statement-breakpoint
CREATE INDEX "weekly_hours_coach_idx" ON "weekly_hours" USING btree ("practice_id","coach_id");--> statement-breakpoint
CREATE INDEX "email_outbox_topic_idx" ON "email_outbox" USING btree ("topic");--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_calendarFeedToken_unique" UNIQUE("calendar_feed_token");--> statement-breakpoint
ALTER TABLE "offerings" ADD CONSTRAINT "offerings_scheduling_ranges" CHECK ("offerings"."buffer_before_minutes" between 0 and 240 and "offerings"."buffer_after_minutes" between 0 and 240
        and "offerings"."minimum_notice_minutes" between 0 and 43200 and "offerings"."horizon_days" between 1 and 730
        and ("offerings"."slot_interval_minutes" is null or "offerings"."slot_interval_minutes" between 5 and 720)
        and ("offerings"."max_per_day" is null or "offerings"."max_per_day" between 1 and 50)
        and "offerings"."cancellation_window_hours" between 0 and 720 and "offerings"."reschedule_window_hours" between 0 and 720);