// The client record's timeline (the coach's client page): what one entry carries, and how the
// page groups entries by month. Pure, so the page and the server agree on the shape.
import type { IntakeStatus } from "@/lib/intake/status";
import type { SessionStatus } from "@/lib/scheduling/status";
import { monthOf } from "@/lib/time/dates";
import { localDateOf } from "@/lib/time/zones";

type Base = { key: string; at: Date };

/** What money was for: a session the client booked, a package they bought, a month of their plan. */
export type TimelineMoneyFor =
  | { kind: "session"; bookingId: string; offeringName: string }
  | { kind: "package"; purchaseId: string; packageName: string }
  | { kind: "plan"; planInvoiceId: string; planName: string; periodStart: Date; periodEnd: Date };

/** The other partner of a couple, on what the two share. */
export type TimelinePerson = { id: string; name: string };

export type TimelineItem =
  | (Base & {
      kind: "session";
      bookingId: string;
      endsAt: Date;
      offeringName: string;
      status: SessionStatus;
      /** A couple's joint session: the other partner (shown once, on either partner's timeline). */
      with: TimelinePerson | null;
      /** The start of each note, opened for the coach; null when none was written. */
      notes: { shared: string | null; private: string | null };
    })
  | (Base & { kind: "intake"; responseId: string; name: string; status: IntakeStatus })
  | (Base & { kind: "homework"; assignmentId: string; title: string; status: string; with: TimelinePerson | null })
  | (Base & { kind: "reflection"; assignmentId: string; title: string; rating: number | null; excerpt: string | null })
  | (Base & { kind: "payment"; for: TimelineMoneyFor; amountCents: number; currency: string; status: string })
  | (Base & { kind: "refund"; for: TimelineMoneyFor; amountCents: number; currency: string; status: string })
  | (Base & { kind: "email"; subject: string; template: string })
  | (Base & { kind: "crisis"; responseId: string; acknowledgedAt: Date | null });

export type TimelinePage = {
  items: TimelineItem[];
  /** Pass back as `before` for the next (older) page; null when this is the oldest. */
  older: string | null;
};

/** Newest first: later instant first, then the key, so equal instants keep one order. */
export function compareTimeline(a: Pick<TimelineItem, "at" | "key">, b: Pick<TimelineItem, "at" | "key">): number {
  return b.at.getTime() - a.at.getTime() || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0);
}

/** Entries grouped by "YYYY-MM" in the practice's zone, newest month first (input is newest first). */
export function groupByMonth<T extends { at: Date }>(items: T[], timeZone: string): { month: string; items: T[] }[] {
  const groups: { month: string; items: T[] }[] = [];
  for (const item of items) {
    const month = monthOf(localDateOf(item.at, timeZone));
    const last = groups.at(-1);
    if (last?.month === month) last.items.push(item);
    else groups.push({ month, items: [item] });
  }
  return groups;
}

/** The start of a text, on one line, for a list: at most `max` characters. */
export function excerptOf(text: string | null | undefined, max = 160): string | null {
  const flat = (text ?? "").replace(/\s+/g, " ").trim();
  if (!flat) return null;
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}
