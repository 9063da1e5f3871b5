import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { buttonClass } from "@/components/ui/button-class";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { isCanceled } from "@/lib/scheduling/status";
import { requireCoach } from "@/server/auth/guards";
import { now } from "@/server/clock";
import { getAvailability, getPracticeCoachId } from "@/server/scheduling/availability-store";
import { listBlocks } from "@/server/scheduling/blocks";
import { listBookings } from "@/server/scheduling/booking-queries";
import { calendarFeedUrl } from "@/server/scheduling/calendar-feed";
import { deleteBlockAction } from "../actions";
import { ActionButton } from "../action-button";
import { BlockTimeForm } from "../block-time-form";
import { blockAnchor, DayList, sessionHref, WeekGrid, type CalendarItem, type DayInfo } from "../calendar-views";
import { FeedLink } from "../feed-link";
import { formatDateRange, formatLongDate, formatTimeRange, zoneNameWithId } from "@/lib/time/format";
import { localDateOf, localMinutesOf } from "@/lib/time/zones";
import { addDays, mondayOf } from "@/lib/time/dates";
import { dayOffReason, workingMinutesOn } from "@/lib/scheduling/availability";
import { daysFrom, parseDateParam, placeOnDay, visibleHours } from "../week";

export const metadata: Metadata = { title: "Calendar" };

const AGENDA_DAYS = 14;

type View = "week" | "agenda";
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function calendarHref(view: View, week?: string) {
  const params = new URLSearchParams({ view });
  if (week) params.set("week", week);
  return `/coach/calendar?${params}`;
}

export default async function CalendarPage({ searchParams }: { searchParams: SearchParams }) {
  const { practice, practiceId } = await requireCoach();
  const query = await searchParams;
  // Links in calendar feeds and emails point at ?booking=<id>.
  if (typeof query.booking === "string") redirect(sessionHref(encodeURIComponent(query.booking)));

  const zone = practice.timeZone;
  const view: View = query.view === "agenda" ? "agenda" : "week";
  const current = now();
  const today = localDateOf(current, zone);
  const anchor = parseDateParam(query.week);
  const first = view === "week" ? mondayOf(anchor ?? today) : (anchor ?? today);
  const count = view === "week" ? 7 : AGENDA_DAYS;
  const calendarDays = daysFrom(first, count, zone);
  const last = calendarDays[calendarDays.length - 1]!;
  const range = { from: calendarDays[0]!.from, to: last.to };

  const coachId = await getPracticeCoachId(practiceId);
  const [rows, blocks, availability] = await Promise.all([
    listBookings(practiceId, range),
    listBlocks(practiceId, range),
    getAvailability(practiceId, coachId),
  ]);

  const items: CalendarItem[] = [
    ...rows.map(({ booking, offering, client }) => ({
      kind: "session" as const,
      id: booking.id,
      start: booking.startsAt,
      end: booking.endsAt,
      clientName: client.name,
      offeringName: offering.name,
      status: booking.status,
    })),
    ...blocks.map((b) => ({ kind: "block" as const, id: b.id, start: b.startsAt, end: b.endsAt, label: b.label })),
  ];
  const days: DayInfo[] = calendarDays.map((day) => ({
    ...day,
    isToday: day.date === today,
    isPast: day.date < today,
    working: workingMinutesOn(day.date, availability),
    offReason: dayOffReason(day.date, availability),
  }));
  const spans = days.flatMap((day) => [
    ...day.working,
    ...placeOnDay(items, (i) => i, day, zone).map((p): [number, number] => [p.startMinute, p.endMinute]),
  ]);
  const { firstHour, lastHour } = visibleHours(spans);
  const nowMinute = localMinutesOf(current, zone);

  const zoneLabel = zoneNameWithId(zone, current);
  const step = view === "week" ? 7 : AGENDA_DAYS;
  const showsToday = today >= first && today <= last.date;
  const canceledCount = rows.filter((r) => isCanceled(r.booking.status)).length;
  const sessionCount = rows.length - canceledCount;

  return (
    <>
      <PageHeader
        title="Calendar"
        description="Your sessions and blocked time. Select a session to see its details, reschedule or cancel it."
        actions={
          <>
            <Link href="/coach/calendar/new" className={buttonClass("primary")}>
              Book a session
            </Link>
            <Link href="/coach/availability" className={buttonClass("secondary")}>
              Working hours &amp; days off
            </Link>
          </>
        }
      />

      <div className="mb-4 flex flex-col gap-3 lg:flex-row lg:items-center lg:justify-between">
        <div>
          <h2 className="font-serif text-xl font-semibold text-ink">
            {view === "week" ? `Week of ${formatDateRange(first, last.date)}` : `${formatDateRange(first, last.date)}`}
          </h2>
          <p className="text-sm text-muted">
            Times in {zoneLabel}.{" "}
            {sessionCount === 0 ? "No sessions booked in these days" : `${sessionCount} ${sessionCount === 1 ? "session" : "sessions"}`}
            {canceledCount ? `, ${canceledCount} canceled.` : "."}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <nav aria-label="Calendar view" className="inline-flex rounded-lg border border-line bg-white p-0.5">
            {(["week", "agenda"] as const).map((v) => (
              <Link
                key={v}
                href={calendarHref(v, v === view ? anchor ?? undefined : showsToday ? undefined : first)}
                aria-current={v === view ? "page" : undefined}
                className={`inline-flex min-h-9 items-center rounded-md px-3 text-sm font-medium ${
                  v === view ? "bg-brand-600 text-white" : "text-ink hover:bg-brand-50"
                }`}
              >
                {v === "week" ? "Week" : "Agenda"}
              </Link>
            ))}
          </nav>
          <nav aria-label={view === "week" ? "Choose a week" : "Choose dates"} className="flex items-center gap-1">
            <Link href={calendarHref(view, addDays(first, -step))} className={buttonClass("secondary", "min-h-9 px-3")}>
              <span aria-hidden="true">‹</span> {view === "week" ? "Previous week" : "Earlier"}
            </Link>
            <Link href={calendarHref(view)} className={buttonClass("secondary", "min-h-9 px-3")} aria-current={showsToday && !anchor ? "date" : undefined}>
              Today
            </Link>
            <Link href={calendarHref(view, addDays(first, step))} className={buttonClass("secondary", "min-h-9 px-3")}>
              {view === "week" ? "Next week" : "Later"} <span aria-hidden="true">›</span>
            </Link>
          </nav>
        </div>
      </div>

      {view === "week" ? (
        <>
          <div className="hidden md:block">
            <WeekGrid days={days} items={items} zone={zone} now={current} nowMinute={nowMinute} firstHour={firstHour} lastHour={lastHour} />
          </div>
          <div className="md:hidden">
            <DayList days={days} items={items} zone={zone} now={current} />
          </div>
        </>
      ) : items.length ? (
        <DayList days={days} items={items} zone={zone} now={current} skipEmpty />
      ) : (
        <EmptyState
          title="Nothing booked in these two weeks"
          action={
            <>
              <Link href="/coach/calendar/new" className={buttonClass("primary")}>
                Book a session
              </Link>
              <Link href={calendarHref("agenda", addDays(first, step))} className={buttonClass("secondary")}>
                Look further ahead
              </Link>
            </>
          }
        >
          Sessions clients book on your booking page appear here, and so does any time you block.
        </EmptyState>
      )}

      <div className="mt-8 grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="block-heading">
          <h2 id="block-heading" className="font-serif text-lg font-semibold text-ink">
            Block time
          </h2>
          <p className="mb-4 mt-1 text-sm text-muted">Keep part of a day free: clients can’t book into blocked time.</p>
          <BlockTimeForm defaultDate={showsToday ? today : first} zoneLabel={zoneLabel} />
        </Card>

        <Card aria-labelledby="blocked-heading">
          <h2 id="blocked-heading" className="font-serif text-lg font-semibold text-ink">
            Blocked time {view === "week" ? "this week" : "in these days"}
          </h2>
          {blocks.length ? (
            <ul className="mt-4 divide-y divide-line">
              {blocks.map((block) => {
                const date = localDateOf(block.startsAt, zone);
                return (
                  <li key={block.id} id={blockAnchor(block.id)} className="flex scroll-mt-24 items-center justify-between gap-3 py-3 target:bg-brand-50">
                    <div className="min-w-0">
                      <p className="truncate text-sm font-medium text-ink">{block.label}</p>
                      <p className="text-sm text-muted">
                        {formatLongDate(date)}, {formatTimeRange(block.startsAt, block.endsAt, zone)}
                      </p>
                    </div>
                    <ActionButton
                      action={deleteBlockAction}
                      fields={{ id: block.id }}
                      label="Remove"
                      pendingLabel="Removing…"
                      accessibleLabel={`Remove blocked time “${block.label}” on ${formatLongDate(date)}`}
                    />
                  </li>
                );
              })}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-muted">None. Time you block appears here, and you can remove it again.</p>
          )}
          <p className="mt-4 border-t border-line pt-4 text-sm text-muted">
            Away for whole days? Add{" "}
            <Link href="/coach/availability#time-off" className="font-medium text-brand-700 underline underline-offset-4">
              time off
            </Link>{" "}
            instead.
          </p>
        </Card>
      </div>

      <Card aria-labelledby="feed-heading" className="mt-6">
        <h2 id="feed-heading" className="font-serif text-lg font-semibold text-ink">
          See your sessions in Google, Apple or Outlook calendar
        </h2>
        <p className="mb-4 mt-1 max-w-2xl text-sm text-muted">
          Copy this private link and add it in your calendar app as a subscription (“From URL” or “Subscribe to calendar”). New,
          moved and canceled sessions follow automatically. Keep it to yourself: anyone with the link sees your client names.
        </p>
        <FeedLink url={calendarFeedUrl(practice.calendarFeedToken)} />
      </Card>
    </>
  );
}
