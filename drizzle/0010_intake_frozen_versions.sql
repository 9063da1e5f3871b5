-- A questionnaire version someone has started answering is frozen: its questions
-- and scoring rules can no longer change, nor can it be deleted, whatever the
-- application does. The builder writes a new version instead (docs/intake.md),
-- so every response is always scored with the rules it was answered under.
CREATE FUNCTION "questionnaire_version_frozen"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM "intake_responses" r
    WHERE r."version_id" = OLD."id" AND r."status" <> 'not_started'
  ) THEN
    RAISE EXCEPTION 'questionnaire version % has answers and is frozen; write a new version instead', OLD."id"
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'questionnaire_versions_frozen';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "questionnaire_versions_frozen"
  BEFORE UPDATE OR DELETE ON "questionnaire_versions"
  FOR EACH ROW EXECUTE FUNCTION "questionnaire_version_frozen"();
