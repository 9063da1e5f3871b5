-- Custom SQL (drizzle-kit can't express it): a session note belongs to the practice of its session.
-- The domain scopes every write by practice; this makes a cross-practice note impossible even so.
CREATE FUNCTION session_notes_same_practice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM bookings WHERE id = NEW.booking_id AND practice_id = NEW.practice_id) THEN
    RAISE EXCEPTION 'session note % is not in the practice of booking %', NEW.id, NEW.booking_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'session_notes_same_practice';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER session_notes_same_practice BEFORE INSERT OR UPDATE OF booking_id, practice_id ON session_notes
  FOR EACH ROW EXECUTE FUNCTION session_notes_same_practice();
