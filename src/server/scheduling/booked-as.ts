import "server-only";
import type { bookings, clients } from "@/server/db/schema";

type Booking = typeof bookings.$inferSelect;
type Client = typeof clients.$inferSelect;

type Field = "name" | "email" | "phone";
export type BookedAsDifference = { who: "client" | "partner"; fields: { field: Field; typed: string; recorded: string | null }[] };

const sameText = (a: string, b: string) => a.trim().replace(/\s+/g, " ").toLowerCase() === b.trim().replace(/\s+/g, " ").toLowerCase();
const samePhone = (a: string, b: string | null) => !!b && a.replace(/[^+0-9]/g, "") === b.replace(/[^+0-9]/g, "");

function compare(who: BookedAsDifference["who"], typed: { name: string; email: string; phone?: string | null }, record: Client) {
  const fields: BookedAsDifference["fields"] = [];
  if (!sameText(typed.name, record.name)) fields.push({ field: "name", typed: typed.name, recorded: record.name });
  if (!sameText(typed.email, record.email)) fields.push({ field: "email", typed: typed.email, recorded: record.email });
  // A booker who left the phone out didn't contradict the record.
  if (typed.phone && !samePhone(typed.phone, record.phone)) fields.push({ field: "phone", typed: typed.phone, recorded: record.phone });
  return fields.length ? [{ who, fields }] : [];
}

/**
 * Where what the booker typed differs from the coach's records of the people
 * the booking is filed under. A public booking never edits a record, so the
 * coach is told instead and decides.
 */
export function bookedAsDifferences(booking: Booking, client: Client, partner: Client | null): BookedAsDifference[] {
  return [
    ...compare("client", { name: booking.bookerName, email: booking.bookerEmail, phone: booking.bookerPhone }, client),
    ...(partner && booking.partnerName && booking.partnerEmail
      ? compare("partner", { name: booking.partnerName, email: booking.partnerEmail }, partner)
      : []),
  ];
}

function part(field: Field, value: string | null) {
  if (field === "name") return value ? `“${value}”` : "no name";
  return value ? `${field} ${value}` : `no ${field}`;
}

/** 'Booked as “Sammy R.”, phone +1 555 0199; your record says “Sam Rivera”, phone +1 555 0100.' */
export function describeBookedAs(difference: BookedAsDifference): string {
  const typed = difference.fields.map((f) => part(f.field, f.typed)).join(", ");
  const recorded = difference.fields.map((f) => part(f.field, f.recorded)).join(", ");
  const lead = difference.who === "client" ? "Booked" : "Partner given";
  const as = difference.fields[0]?.field === "name" ? " as" : " with";
  return `${lead}${as} ${typed}; your record says ${recorded}.`;
}
