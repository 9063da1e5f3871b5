-- Drizzle cannot express exclusion constraints, so this one is hand-written.
-- Two bookings that hold a coach's time (awaiting payment or confirmed) may
-- not overlap, buffers included. Postgres enforces it whatever the
-- application does, so two people racing for one slot can never both win;
-- the loser gets SQLSTATE 23P01, which the app reports as "slot_taken".
-- '[)' ranges let one session end exactly when the next begins.
ALTER TABLE "bookings"
  ADD CONSTRAINT "bookings_no_overlap"
  EXCLUDE USING gist (
    "coach_id" WITH =,
    tstzrange("blocked_from", "blocked_until", '[)') WITH &&
  ) WHERE ("status" IN ('pending_payment', 'confirmed'));
