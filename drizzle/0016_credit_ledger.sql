CREATE TYPE "public"."credit_entry_kind" AS ENUM('grant', 'spend', 'return', 'expire', 'adjust');--> statement-breakpoint
CREATE TYPE "public"."credit_grant_kind" AS ENUM('package', 'plan');--> statement-breakpoint
CREATE TABLE "credit_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"kind" "credit_grant_kind" NOT NULL,
	"source_key" text NOT NULL,
	"label" text NOT NULL,
	"offering_ids" uuid[] NOT NULL,
	"quantity" integer NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_grants_quantity" CHECK ("credit_grants"."quantity" > 0),
	CONSTRAINT "credit_grants_offerings" CHECK (cardinality("credit_grants"."offering_ids") > 0),
	CONSTRAINT "credit_grants_period" CHECK ("credit_grants"."valid_from" < "credit_grants"."expires_at")
);
--> statement-breakpoint
CREATE TABLE "credit_ledger" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"grant_id" uuid NOT NULL,
	"kind" "credit_entry_kind" NOT NULL,
	"booking_id" uuid,
	"delta" integer NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_ledger_shape" CHECK (case "credit_ledger"."kind"
        when 'grant' then "credit_ledger"."delta" > 0 and "credit_ledger"."booking_id" is null
        when 'spend' then "credit_ledger"."delta" = -1 and "credit_ledger"."booking_id" is not null
        when 'return' then "credit_ledger"."delta" = 1 and "credit_ledger"."booking_id" is not null
        when 'expire' then "credit_ledger"."delta" < 0 and "credit_ledger"."booking_id" is null
        else "credit_ledger"."delta" <> 0 end)
);
--> statement-breakpoint
ALTER TABLE "credit_grants" ADD CONSTRAINT "credit_grants_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_grants" ADD CONSTRAINT "credit_grants_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_ledger" ADD CONSTRAINT "credit_ledger_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_ledger" ADD CONSTRAINT "credit_ledger_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_ledger" ADD CONSTRAINT "credit_ledger_grant_id_credit_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."credit_grants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_ledger" ADD CONSTRAINT "credit_ledger_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "credit_grants_source_key" ON "credit_grants" USING btree ("practice_id","source_key");--> statement-breakpoint
CREATE INDEX "credit_grants_client_idx" ON "credit_grants" USING btree ("practice_id","client_id","expires_at");--> statement-breakpoint
CREATE INDEX "credit_ledger_grant_idx" ON "credit_ledger" USING btree ("grant_id");--> statement-breakpoint
CREATE INDEX "credit_ledger_client_idx" ON "credit_ledger" USING btree ("practice_id","client_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_ledger_grant_once" ON "credit_ledger" USING btree ("grant_id") WHERE "credit_ledger"."kind" = 'grant';--> statement-breakpoint
CREATE UNIQUE INDEX "credit_ledger_spend_once" ON "credit_ledger" USING btree ("booking_id") WHERE "credit_ledger"."kind" = 'spend';--> statement-breakpoint
CREATE UNIQUE INDEX "credit_ledger_return_once" ON "credit_ledger" USING btree ("booking_id") WHERE "credit_ledger"."kind" = 'return';