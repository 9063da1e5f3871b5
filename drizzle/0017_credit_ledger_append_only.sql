-- The credit ledger is append-only and a grant never changes: rows are only
-- ever added, whatever the application does. Deleting is allowed only as the
-- cascade of a deleted practice, client or booking (a nested trigger: the
-- foreign key's own), never as a statement of its own.
CREATE FUNCTION "credit_rows_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = TG_TABLE_NAME || '_append_only';
END
$$;
--> statement-breakpoint
CREATE TRIGGER "credit_ledger_append_only"
  BEFORE UPDATE OR DELETE ON "credit_ledger"
  FOR EACH ROW EXECUTE FUNCTION "credit_rows_append_only"();
--> statement-breakpoint
CREATE TRIGGER "credit_grants_append_only"
  BEFORE UPDATE OR DELETE ON "credit_grants"
  FOR EACH ROW EXECUTE FUNCTION "credit_rows_append_only"();
--> statement-breakpoint
-- Every row belongs to its grant's practice and client (and a booking of that
-- practice), and no row takes a grant's balance below zero. The grant row is
-- locked first, so concurrent spends of one last credit queue here and the
-- balance is summed after the one before has committed: exactly one wins.
CREATE FUNCTION "credit_ledger_balance_check"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  grant_row "credit_grants"%ROWTYPE;
  balance integer;
BEGIN
  SELECT * INTO grant_row FROM "credit_grants" WHERE "id" = NEW."grant_id" FOR UPDATE;
  IF grant_row."practice_id" <> NEW."practice_id" OR grant_row."client_id" <> NEW."client_id" THEN
    RAISE EXCEPTION 'credit_ledger row % is not of its grant''s practice and client', NEW."id"
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'credit_ledger_same_grant';
  END IF;
  IF NEW."booking_id" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "bookings" b WHERE b."id" = NEW."booking_id" AND b."practice_id" = NEW."practice_id"
  ) THEN
    RAISE EXCEPTION 'credit_ledger row % names a booking of another practice', NEW."id"
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'credit_ledger_same_grant';
  END IF;
  SELECT coalesce(sum("delta"), 0) INTO balance FROM "credit_ledger" WHERE "grant_id" = NEW."grant_id";
  IF balance + NEW."delta" < 0 THEN
    RAISE EXCEPTION 'credit grant % has % left; % refused', NEW."grant_id", balance, NEW."kind"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'credit_ledger_balance';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "credit_ledger_balance"
  BEFORE INSERT ON "credit_ledger"
  FOR EACH ROW EXECUTE FUNCTION "credit_ledger_balance_check"();
