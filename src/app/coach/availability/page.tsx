import type { Metadata } from "next";
import Link from "next/link";
import { BackLink } from "@/components/ui/back-link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireCoach } from "@/server/auth/guards";
import { now } from "@/server/clock";
import { parseLocalTime } from "@/lib/time/dates";
import { getAvailability, getPracticeCoachId, listTimeOff } from "@/server/scheduling/availability-store";
import { ActionButton } from "../calendar/action-button";
import { formatClockRange, formatLongDate, zoneNameWithId } from "@/lib/time/format";
import { localDateOf } from "@/lib/time/zones";
import { removeDateOverrideAction, removeTimeOffAction } from "./actions";
import { OverrideForm } from "./override-form";
import { TimeOffForm } from "./time-off-form";
import { WeeklyHoursForm } from "./weekly-hours-form";

export const metadata: Metadata = { title: "Working hours & days off" };

export default async function AvailabilityPage() {
  const { practice, practiceId } = await requireCoach();
  const coachId = await getPracticeCoachId(practiceId);
  const [availability, timeOff] = await Promise.all([getAvailability(practiceId, coachId), listTimeOff(practiceId, coachId)]);
  const current = now();
  const today = localDateOf(current, practice.timeZone);
  const zoneLabel = zoneNameWithId(practice.timeZone, current);
  // Past dates no longer matter to anyone; only what is ahead is listed.
  const overrides = availability.overrides.filter((o) => o.date >= today);
  const upcomingTimeOff = timeOff.filter((t) => t.endDate >= today);

  return (
    <>
      <PageHeader
        title="Working hours & days off"
        description={
          <>
            Clients can book only inside these hours, around sessions you already have. All times are in{" "}
            <strong className="font-medium text-ink">{zoneLabel}</strong>, your practice’s time zone (
            <Link href="/coach/settings" className="text-brand-700 underline underline-offset-4">
              change it in Settings
            </Link>
            ). Busy times in{" "}
            <Link href="/coach/settings/calendars" className="text-brand-700 underline underline-offset-4">
              your own calendars
            </Link>{" "}
            block booking too.
          </>
        }
        back={<BackLink href="/coach/calendar">Calendar</BackLink>}
      />

      <div className="max-w-3xl space-y-6">
        <Card aria-labelledby="weekly-heading">
          <h2 id="weekly-heading" className="font-serif text-lg font-semibold text-ink">
            Every week
          </h2>
          <p className="mb-4 mt-1 text-sm text-muted">Your usual hours. A day can have more than one stretch, for example a lunch break in between.</p>
          <WeeklyHoursForm initial={availability.weeklyHours} zoneLabel={zoneLabel} />
        </Card>

        <Card aria-labelledby="overrides-heading">
          <h2 id="overrides-heading" className="font-serif text-lg font-semibold text-ink">
            A different day
          </h2>
          <p className="mb-4 mt-1 text-sm text-muted">Take one date off, or work other hours than usual on it.</p>
          <OverrideForm today={today} zoneLabel={zoneLabel} />
          <h3 className="mt-6 border-t border-line pt-4 text-sm font-medium text-ink">Coming up</h3>
          {overrides.length ? (
            <ul className="mt-2 divide-y divide-line">
              {overrides.map((o) => (
                <li key={o.date} className="flex items-center justify-between gap-3 py-3">
                  <div className="min-w-0 text-sm">
                    <p className="font-medium text-ink">{formatLongDate(o.date)}</p>
                    <p className="text-muted">
                      {o.intervals.length
                        ? o.intervals.map((i) => formatClockRange(parseLocalTime(i.start) ?? 0, parseLocalTime(i.end) ?? 0)).join(", ")
                        : "Day off"}
                    </p>
                  </div>
                  <ActionButton
                    action={removeDateOverrideAction}
                    fields={{ date: o.date }}
                    label="Remove"
                    pendingLabel="Removing…"
                    accessibleLabel={`Remove the change for ${formatLongDate(o.date)}`}
                  />
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-sm text-muted">Nothing yet: every date follows your weekly hours.</p>
          )}
        </Card>

        <Card aria-labelledby="time-off-heading" id="time-off" className="scroll-mt-24">
          <h2 id="time-off-heading" className="font-serif text-lg font-semibold text-ink">
            Time off
          </h2>
          <p className="mb-4 mt-1 text-sm text-muted">Away for a few days or weeks? Nobody can book you from the first day to the last.</p>
          <TimeOffForm today={today} />
          <h3 className="mt-6 border-t border-line pt-4 text-sm font-medium text-ink">Coming up</h3>
          {upcomingTimeOff.length ? (
            <ul className="mt-2 divide-y divide-line">
              {upcomingTimeOff.map((t) => {
                const when = t.startDate === t.endDate ? formatLongDate(t.startDate) : `${formatLongDate(t.startDate)} to ${formatLongDate(t.endDate)}`;
                return (
                  <li key={t.id} className="flex items-center justify-between gap-3 py-3">
                    <div className="min-w-0 text-sm">
                      <p className="font-medium text-ink">{t.label || "Time off"}</p>
                      <p className="text-muted">{when}</p>
                    </div>
                    <ActionButton
                      action={removeTimeOffAction}
                      fields={{ id: t.id }}
                      label="Remove"
                      pendingLabel="Removing…"
                      accessibleLabel={`Remove time off ${when}`}
                    />
                  </li>
                );
              })}
            </ul>
          ) : (
            <p className="mt-1 text-sm text-muted">No time off planned.</p>
          )}
        </Card>
      </div>
    </>
  );
}
