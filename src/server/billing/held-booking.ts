import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/server/db/client";
import { bookings } from "@/server/db/schema";
import { isExclusionViolation } from "@/server/errors";

/**
 * Turns a held (or just expired) booking into a confirmed one, paid (Checkout)
 * or with a credit (a package bought with its first session). An expired
 * hold is revived inside a savepoint: when its time was taken meanwhile the
 * exclusion constraint refuses, the savepoint rolls back, and null says so.
 */
export async function confirmHeldBooking(tx: DbOrTx, booking: typeof bookings.$inferSelect, paymentStatus: "paid" | "credit") {
  if (booking.status !== "pending_payment" && booking.status !== "expired") return null;
  const confirm = (db: DbOrTx) =>
    db
      .update(bookings)
      .set({ status: "confirmed", paymentStatus, holdExpiresAt: null })
      .where(eq(bookings.id, booking.id))
      .returning()
      .then((rows) => rows[0]!);
  if (booking.status === "pending_payment") return confirm(tx);
  try {
    return await tx.transaction((savepoint) => confirm(savepoint));
  } catch (error) {
    if (isExclusionViolation(error, "bookings_no_overlap")) return null;
    throw error;
  }
}
