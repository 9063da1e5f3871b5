import Link from "next/link";
import type { HoursSource } from "@/lib/scheduling/availability";
import { Badge } from "@/components/ui/badge";
import { formatClockRange, formatDayParts, formatHour, formatLongDate, formatTimeRange } from "@/lib/time/format";
import { coachStatus, isCanceled, needsOutcome, type SessionStatus } from "@/lib/scheduling/status";
import { placeOnDay, type CalendarDay, type Placed } from "./week";

type CalendarSession = {
  kind: "session";
  id: string;
  start: Date;
  end: Date;
  clientName: string;
  offeringName: string;
  status: SessionStatus;
};
type CalendarBlock = { kind: "block"; id: string; start: Date; end: Date; label: string };
export type CalendarItem = CalendarSession | CalendarBlock;

export type DayInfo = CalendarDay & {
  isToday: boolean;
  isPast: boolean;
  /** Working hours in wall minutes; empty on a day off. */
  working: [number, number][];
  offReason: HoursSource | null;
};

const HOUR_PX = 56;
const span = (item: CalendarItem) => ({ start: item.start, end: item.end });
export const sessionHref = (id: string) => `/coach/calendar/sessions/${id}`;
export const blockAnchor = (id: string) => `block-${id}`;

const offLabels = { time_off: "Time off", override: "Day off", weekly: "Not working" } as const;

/** Everything a screen reader needs in one line: time, who, what, and the status. */
/** The words of a calendar item a screen reader hears after what it shows (its title too). */
function describe(item: CalendarItem, zone: string): string {
  const time = formatTimeRange(item.start, item.end, zone);
  if (item.kind === "block") return `${time}, blocked: ${item.label}`;
  const status = coachStatus[item.status].label;
  return `${time}, ${item.clientName}, ${item.offeringName}${status ? `, ${status.toLowerCase()}` : ""}`;
}

/**
 * One line of a calendar item. Items are named by their content, so what they show is what a
 * voice user says (axe's label-content-name-mismatch); the hidden comma keeps the parts apart.
 */
function Part({ children, className = "" }: { children: React.ReactNode; className?: string }) {
  return (
    <span className={`block truncate ${className}`}>
      <span className="sr-only">, </span>
      {children}
    </span>
  );
}

function StatusBadge({ status, start, now }: { status: SessionStatus; start: Date; now: Date }) {
  const { label, tone } = coachStatus[status];
  if (label) return <Badge tone={tone}>{label}</Badge>;
  if (needsOutcome(status, start, now)) return <Badge>Outcome not recorded</Badge>;
  return null;
}

/** The desktop week: seven columns on an hour grid, sessions and blocks placed by their local time. */
export function WeekGrid({
  days,
  items,
  zone,
  now,
  nowMinute,
  firstHour,
  lastHour,
}: {
  days: DayInfo[];
  items: CalendarItem[];
  zone: string;
  now: Date;
  /** Wall minutes of "now" in the practice's zone (drawn on today's column). */
  nowMinute: number;
  firstHour: number;
  lastHour: number;
}) {
  const hours = Array.from({ length: lastHour - firstHour }, (_, i) => firstHour + i);
  const height = (lastHour - firstHour) * HOUR_PX;
  const y = (minute: number) => ((minute - firstHour * 60) / 60) * HOUR_PX;

  return (
    <div className="overflow-hidden rounded-2xl border border-line bg-white shadow-sm">
      <div className="grid grid-cols-[3.5rem_repeat(7,minmax(0,1fr))] border-b border-line">
        <div aria-hidden="true" />
        {days.map((day) => {
          const parts = formatDayParts(day.date);
          return (
            <div
              key={day.date}
              className={`border-l border-line px-2 py-2 text-center ${day.isToday ? "bg-brand-50" : ""}`}
              aria-hidden="true"
            >
              <div className={`text-xs font-medium uppercase tracking-wide ${day.isToday ? "text-brand-800" : "text-muted"}`}>{parts.weekday}</div>
              <div
                className={`mx-auto mt-0.5 flex h-8 w-8 items-center justify-center rounded-full font-serif text-lg font-semibold ${
                  day.isToday ? "bg-brand-600 text-white" : "text-ink"
                }`}
              >
                {parts.day}
              </div>
              <div className="mt-0.5 h-4 truncate text-[11px] text-muted">{day.offReason ? offLabels[day.offReason] : day.isToday ? "Today" : ""}</div>
            </div>
          );
        })}
      </div>

      <div className="grid grid-cols-[3.5rem_repeat(7,minmax(0,1fr))]">
        <div className="relative" style={{ height }} aria-hidden="true">
          {hours.map((hour) => (
            <div
              key={hour}
              className={`absolute right-2 text-[11px] text-muted ${hour === firstHour ? "translate-y-0.5" : "-translate-y-1/2"}`}
              style={{ top: y(hour * 60) }}
            >
              {formatHour(hour)}
            </div>
          ))}
        </div>
        {days.map((day) => {
          const placed = placeOnDay(items, span, day, zone);
          return (
            <section
              key={day.date}
              aria-label={`${formatLongDate(day.date)}${day.isToday ? " (today)" : ""}${day.offReason ? `, ${offLabels[day.offReason].toLowerCase()}` : ""}`}
              className={`relative border-l border-line ${day.isToday ? "bg-brand-50/40" : "bg-paper"}`}
              style={{ height }}
            >
              {/* Working hours are white; the rest of the day stays shaded. */}
              {day.working.map(([a, b]) => (
                <div
                  key={a}
                  aria-hidden="true"
                  className={`absolute inset-x-0 ${day.isToday ? "bg-brand-50/70" : "bg-white"}`}
                  style={{ top: Math.max(0, y(a)), height: Math.max(0, Math.min(height, y(b)) - Math.max(0, y(a))) }}
                />
              ))}
              {hours.slice(1).map((hour) => (
                <div key={hour} aria-hidden="true" className="absolute inset-x-0 border-t border-line/70" style={{ top: y(hour * 60) }} />
              ))}
              {day.isToday && nowMinute >= firstHour * 60 && nowMinute <= lastHour * 60 ? (
                <div aria-hidden="true" className="absolute inset-x-0 z-10 border-t-2 border-clay-600" style={{ top: y(nowMinute) }}>
                  <span className="absolute -left-1 -top-[5px] h-2 w-2 rounded-full bg-clay-600" />
                </div>
              ) : null}
              {placed.length ? (
                <ul className="absolute inset-0">
                  {placed.map((p) => (
                    <GridItem key={`${p.item.kind}-${p.item.id}`} placed={p} top={y(p.startMinute)} height={y(p.endMinute) - y(p.startMinute)} zone={zone} now={now} />
                  ))}
                </ul>
              ) : (
                <p className="sr-only">Nothing scheduled.</p>
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}

function GridItem({ placed, top, height, zone, now }: { placed: Placed<CalendarItem>; top: number; height: number; zone: string; now: Date }) {
  const { item, lane, lanes } = placed;
  const style = {
    top: top + 1,
    height: Math.max(height - 2, 22),
    left: `calc(${(lane / lanes) * 100}% + 2px)`,
    width: `calc(${100 / lanes}% - 4px)`,
  };
  const roomy = height >= 40;
  const spacious = height >= 52;
  if (item.kind === "block") {
    return (
      <li className="absolute" style={style}>
        <a
          href={`#${blockAnchor(item.id)}`}
          title={describe(item, zone)}
          className="block h-full overflow-hidden rounded-md border border-line bg-[repeating-linear-gradient(135deg,#f3f0eb_0,#f3f0eb_6px,#ebe6df_6px,#ebe6df_12px)] px-1.5 py-0.5 text-[11px] leading-tight text-muted hover:border-muted"
        >
          <span className="sr-only">blocked: </span>
          <span className="block truncate font-medium text-ink/80">{item.label}</span>
          {roomy ? <Part>{formatTimeRange(item.start, item.end, zone)}</Part> : <span className="sr-only">, {formatTimeRange(item.start, item.end, zone)}</span>}
        </a>
      </li>
    );
  }
  const canceled = isCanceled(item.status);
  const done = item.status === "completed" || item.status === "no_show";
  const tone = canceled
    ? "border-line bg-white/80 text-muted"
    : done
      ? "border-brand-100 bg-brand-50 text-brand-800"
      : "border-brand-700 bg-brand-600 text-white hover:bg-brand-700";
  const label = coachStatus[item.status].label;
  const markOutcome = !label && needsOutcome(item.status, item.start, now) && roomy;
  const time = formatTimeRange(item.start, item.end, zone);
  const showOffering = spacious && !label;
  // What the item doesn't show, read after what it does.
  const unseen = [...(roomy ? [] : [time]), ...(showOffering ? [] : [item.offeringName])];
  return (
    <li className="absolute" style={{ ...style, zIndex: canceled ? 0 : 1 }}>
      <Link
        href={sessionHref(item.id)}
        title={describe(item, zone)}
        className={`block h-full overflow-hidden rounded-md border px-1.5 py-0.5 text-[11px] leading-tight shadow-sm ${tone}`}
      >
        <span className={`block truncate font-semibold ${canceled ? "line-through" : ""}`}>{item.clientName}</span>
        {roomy ? <Part className={canceled ? "line-through" : ""}>{time}</Part> : null}
        {showOffering ? <Part className="opacity-90">{item.offeringName}</Part> : null}
        {label ? <Part className="font-medium">{label}</Part> : markOutcome ? <Part className="opacity-80">Mark outcome</Part> : null}
        {unseen.length ? <span className="sr-only">, {unseen.join(", ")}</span> : null}
      </Link>
    </li>
  );
}

/**
 * Days as a list: the week on a phone, and the agenda. Each day says its working hours (or that
 * it's a day off) and lists its sessions and blocks in order.
 */
export function DayList({
  days,
  items,
  zone,
  now,
  skipEmpty = false,
  emptyText = "Nothing scheduled.",
}: {
  days: DayInfo[];
  items: CalendarItem[];
  zone: string;
  now: Date;
  /** The agenda leaves out days with nothing on them. */
  skipEmpty?: boolean;
  emptyText?: string;
}) {
  const shown = days
    .map((day) => ({ day, placed: placeOnDay(items, span, day, zone).sort((a, b) => a.item.start.getTime() - b.item.start.getTime()) }))
    .filter(({ placed }) => !skipEmpty || placed.length > 0);
  return (
    <ol className="space-y-4">
      {shown.map(({ day, placed }) => (
        <li key={day.date}>
          <section
            aria-labelledby={`day-${day.date}`}
            className={`rounded-2xl border bg-white p-4 shadow-sm ${day.isToday ? "border-brand-600 ring-1 ring-brand-600" : "border-line"} ${
              day.isPast && !day.isToday ? "opacity-80" : ""
            }`}
          >
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
              <h3 id={`day-${day.date}`} className="font-serif text-base font-semibold text-ink">
                {formatLongDate(day.date)}
                {day.isToday ? (
                  <span className="ml-2 rounded-full bg-brand-600 px-2 py-0.5 align-middle font-sans text-xs font-medium text-white">Today</span>
                ) : null}
              </h3>
              <p className="text-xs text-muted">
                {day.offReason
                  ? offLabels[day.offReason]
                  : `Working ${day.working.map(([a, b]) => formatClockRange(a, b)).join(", ")}`}
              </p>
            </div>
            {placed.length ? (
              <ul className="mt-3 divide-y divide-line">
                {placed.map(({ item }) => (
                  <li key={`${item.kind}-${item.id}`} className="py-2 first:pt-0 last:pb-0">
                    <ListItem item={item} zone={zone} now={now} />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-2 text-sm text-muted">{emptyText}</p>
            )}
          </section>
        </li>
      ))}
    </ol>
  );
}

function ListItem({ item, zone, now }: { item: CalendarItem; zone: string; now: Date }) {
  const time = <span className="w-40 shrink-0 text-sm tabular-nums text-muted">{formatTimeRange(item.start, item.end, zone)}</span>;
  if (item.kind === "block") {
    return (
      <a href={`#${blockAnchor(item.id)}`} className="flex flex-col gap-0.5 rounded-lg px-1 py-1 hover:bg-paper sm:flex-row sm:items-center sm:gap-3">
        {time}
        <span className="text-sm text-ink">
          <span className="mr-2 inline-block rounded bg-line/60 px-1.5 py-0.5 text-xs font-medium text-muted">Blocked</span>
          {item.label}
        </span>
      </a>
    );
  }
  const canceled = isCanceled(item.status);
  return (
    <Link href={sessionHref(item.id)} className="flex flex-col gap-0.5 rounded-lg px-1 py-1 hover:bg-brand-50 sm:flex-row sm:items-center sm:gap-3">
      {time}
      <span className={`min-w-0 flex-1 text-sm ${canceled ? "text-muted line-through" : "text-ink"}`}>
        <span className="font-medium">{item.clientName}</span>
        <span className="text-muted"> · {item.offeringName}</span>
      </span>
      <span className="shrink-0">
        <StatusBadge status={item.status} start={item.start} now={now} />
      </span>
    </Link>
  );
}
