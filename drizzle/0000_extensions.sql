-- btree_gist lets an exclusion constraint combine "same coach" (equality on a
-- uuid) with "overlapping time" (range &&): Postgres then refuses double
-- bookings itself, whatever races happen in the application.
CREATE EXTENSION IF NOT EXISTS btree_gist;
