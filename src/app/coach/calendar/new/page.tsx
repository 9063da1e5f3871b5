import type { Metadata } from "next";
import Link from "next/link";
import { BackLink } from "@/components/ui/back-link";
import { buttonClass } from "@/components/ui/button-class";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { requireCoach } from "@/server/auth/guards";
import { listClients } from "@/server/clients/clients";
import { now } from "@/server/clock";
import { listActiveOfferings } from "@/server/offerings/offerings";
import { workingRangesOn } from "@/server/scheduling/open-slots";
import { listOpenSlots } from "@/server/scheduling/public-slots";
import { formatLongDate, formatTime, zoneNameWithId, formatDuration } from "@/lib/time/format";
import { localDateOf } from "@/lib/time/zones";
import { addDays } from "@/lib/time/dates";
import { parseDateParam } from "../week";
import { BookForm, type ClientChoice } from "./book-form";

export const metadata: Metadata = { title: "Book a session" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** How far ahead "next open day" looks when the chosen date is full. */
const LOOK_AHEAD_DAYS = 30;

export default async function BookSessionPage({ searchParams }: { searchParams: SearchParams }) {
  const { practice, practiceId } = await requireCoach();
  const query = await searchParams;
  const zone = practice.timeZone;
  const today = localDateOf(now(), zone);
  const [offerings, clients] = await Promise.all([listActiveOfferings(practiceId), listClients(practiceId)]);

  if (!offerings.length) {
    return (
      <>
        <PageHeader title="Book a session" back={<BackLink href="/coach/calendar">Calendar</BackLink>} />
        <EmptyState
          title="No offerings switched on"
          action={
            <Link href="/coach/offerings" className={buttonClass("primary")}>
              Go to offerings
            </Link>
          }
        >
          A session is always of one of your offerings. Switch one on (or create one) first.
        </EmptyState>
      </>
    );
  }

  const offering = offerings.find((o) => o.slug === query.offering) ?? offerings[0]!;
  const requested = parseDateParam(query.date);
  const date = requested && requested >= today ? requested : today;
  const preselected = typeof query.client === "string" && clients.some((c) => c.id === query.client) ? query.client : "";

  const [{ slots }, workingRanges] = await Promise.all([
    listOpenSlots(practiceId, offering.slug, { start: date, end: date, timeZone: zone }, { actor: "coach" }),
    workingRangesOn(practiceId, date),
  ]);
  let nextOpen: string | null = null;
  if (!slots.length) {
    const later = await listOpenSlots(
      practiceId,
      offering.slug,
      { start: addDays(date, 1), end: addDays(date, LOOK_AHEAD_DAYS), timeZone: zone },
      { actor: "coach" },
    );
    nextOpen = later.slots[0] ? localDateOf(later.slots[0].start, zone) : null;
  }

  const byId = new Map(clients.map((c) => [c.id, c]));
  const choices: ClientChoice[] = clients.map((c) => {
    const partner = c.partnerId ? byId.get(c.partnerId) : undefined;
    return { id: c.id, name: c.name, email: c.email, partner: partner ? { name: partner.name, email: partner.email } : null };
  });
  const zoneLabel = zoneNameWithId(zone, now());
  const hrefFor = (d: string) => {
    const params = new URLSearchParams({ offering: offering.slug, date: d });
    if (preselected) params.set("client", preselected);
    return `/coach/calendar/new?${params}`;
  };

  return (
    <>
      <PageHeader
        title="Book a session"
        description="For a client who asked you directly. Notice and booking windows don’t apply to you, and you can choose a time outside your working hours; your existing sessions and blocks still do."
        back={<BackLink href="/coach/calendar">Calendar</BackLink>}
      />
      <div className="max-w-3xl space-y-6">
        <Card aria-labelledby="what-when-heading">
          <h2 id="what-when-heading" className="font-serif text-lg font-semibold text-ink">
            1. What and when
          </h2>
          <form method="get" className="mt-4 grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto] sm:items-end">
            {preselected ? <input type="hidden" name="client" value={preselected} /> : null}
            <div className="space-y-1.5">
              <label htmlFor="book-offering" className="block text-sm font-medium text-ink">
                Session
              </label>
              <select id="book-offering" name="offering" defaultValue={offering.slug} className={inputClass}>
                {offerings.map((o) => (
                  <option key={o.id} value={o.slug}>
                    {o.name} ({formatDuration(o.durationMinutes)})
                  </option>
                ))}
              </select>
            </div>
            <div className="space-y-1.5">
              <label htmlFor="book-date" className="block text-sm font-medium text-ink">
                Date
              </label>
              <input id="book-date" type="date" name="date" min={today} defaultValue={date} required className={inputClass} />
            </div>
            <button type="submit" className={buttonClass("secondary")}>
              Show open times
            </button>
          </form>
          <p className="mt-3 text-xs text-muted">Times are in {zoneLabel}.</p>
        </Card>

        <Card aria-labelledby="time-who-heading">
          <h2 id="time-who-heading" className="mb-4 font-serif text-lg font-semibold text-ink">
            2. Time and client
          </h2>
          {slots.length ? null : (
            <div className="mb-5 space-y-3 text-sm text-muted">
              <p role="status">No open times for {offering.name} on {formatLongDate(date)}. You can still choose another time below.</p>
              {nextOpen ? (
                <Link href={hrefFor(nextOpen)} className={buttonClass("secondary")}>
                  Show the next day with room: {formatLongDate(nextOpen)}
                </Link>
              ) : (
                <p>Nothing is open in the {LOOK_AHEAD_DAYS} days after it either.</p>
              )}
            </div>
          )}
          <BookForm
            key={`${offering.slug}-${date}`}
            offering={{ slug: offering.slug, name: offering.name, kind: offering.kind }}
            slots={slots.map((s) => ({ value: s.start.toISOString(), label: formatTime(s.start, zone) }))}
            legend={slots.length ? `Open times for ${offering.name} on ${formatLongDate(date)}` : `Time for ${offering.name} on ${formatLongDate(date)}`}
            date={date}
            other={{ zoneLabel, workingRanges, durationMinutes: offering.durationMinutes }}
            clients={choices}
            defaultClientId={preselected}
            practiceZone={zone}
          />
        </Card>
      </div>
    </>
  );
}
