CREATE TABLE "busy_feed_times" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"feed_id" uuid NOT NULL,
	"coach_id" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	CONSTRAINT "busy_feed_times_order" CHECK ("busy_feed_times"."starts_at" < "busy_feed_times"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "busy_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"coach_id" text NOT NULL,
	"url" text NOT NULL,
	"host" text NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"last_synced_at" timestamp with time zone,
	"last_attempt_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "busy_feed_times" ADD CONSTRAINT "busy_feed_times_feed_id_busy_feeds_id_fk" FOREIGN KEY ("feed_id") REFERENCES "public"."busy_feeds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "busy_feed_times" ADD CONSTRAINT "busy_feed_times_coach_id_users_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "busy_feeds" ADD CONSTRAINT "busy_feeds_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "busy_feeds" ADD CONSTRAINT "busy_feeds_coach_id_users_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "busy_feed_times_coach_idx" ON "busy_feed_times" USING btree ("coach_id","starts_at");--> statement-breakpoint
CREATE INDEX "busy_feed_times_feed_idx" ON "busy_feed_times" USING btree ("feed_id");--> statement-breakpoint
CREATE INDEX "busy_feeds_coach_idx" ON "busy_feeds" USING btree ("practice_id","coach_id");