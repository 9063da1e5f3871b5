CREATE TABLE "client_deletions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"deleted_by" text,
	"requested_at" timestamp with time zone,
	"deleted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"counts" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "deletion_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "client_deletions" ADD CONSTRAINT "client_deletions_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_deletions" ADD CONSTRAINT "client_deletions_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_deletions_practice_idx" ON "client_deletions" USING btree ("practice_id","deleted_at");--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_deleted_tombstone" CHECK ("clients"."deleted_at" is null or ("clients"."user_id" is null and "clients"."phone" is null and "clients"."partner_id" is null and "clients"."status" = 'archived' and "clients"."deletion_requested_at" is null));