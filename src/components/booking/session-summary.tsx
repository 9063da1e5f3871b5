import { offeringFormatLabels } from "@/lib/offerings";
import type { MeetingPlace } from "@/lib/scheduling/meeting-place";
import type { SessionSummaryData } from "@/lib/scheduling/session-view";
import { describeZone, formatDayLong, formatDayShort, formatTimeRange, sameClock, formatDuration } from "@/lib/time/format";
import { localDateOf } from "@/lib/time/zones";

export type SessionSummaryProps = SessionSummaryData & {
  /** A canceled session is shown struck through. */
  canceled?: boolean;
  badge?: React.ReactNode;
};

/**
 * The session at a glance: what, when (in the reader's zone, and the coach's
 * when it differs), and where. Shared by the confirmation, the manage page
 * and the portal.
 */
export function SessionSummary(props: SessionSummaryProps) {
  const { startIso, endIso, timeZone, practiceTimeZone } = props;
  const start = new Date(startIso);
  const minutes = Math.round((new Date(endIso).getTime() - start.getTime()) / 60_000);
  const showCoachTime = !sameClock(timeZone, practiceTimeZone, start);
  const sameDay = localDateOf(start, timeZone) === localDateOf(start, practiceTimeZone);

  return (
    <div className="rounded-2xl border border-line bg-white p-5 shadow-sm sm:p-6">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="text-sm text-muted">{props.practiceName}</p>
          <h2 className="font-serif text-xl font-semibold text-ink">{props.offeringName}</h2>
        </div>
        {props.badge}
      </div>
      <dl className="mt-4 space-y-3 text-sm">
        <div className="flex gap-3">
          <dt className="mt-0.5 shrink-0 text-brand-700">
            <CalendarIcon />
            <span className="sr-only">When</span>
          </dt>
          <dd className={props.canceled ? "text-muted line-through" : "text-ink"}>
            <span className="block text-base font-semibold">{formatDayLong(startIso, timeZone)}</span>
            <span className="block">
              {formatTimeRange(startIso, endIso, timeZone)} <span className="text-muted">· {formatDuration(minutes)}</span>
            </span>
            <span className="block text-muted">{describeZone(timeZone, start)}</span>
          </dd>
        </div>
        {showCoachTime ? (
          <div className="flex gap-3">
            <dt className="mt-0.5 shrink-0 text-brand-700">
              <ClockIcon />
              <span className="sr-only">For your coach</span>
            </dt>
            <dd className={`text-muted ${props.canceled ? "line-through" : ""}`}>
              For {props.practiceName}: {sameDay ? "" : `${formatDayShort(startIso, practiceTimeZone)}, `}
              {formatTimeRange(startIso, endIso, practiceTimeZone)}, {describeZone(practiceTimeZone, start)}
            </dd>
          </div>
        ) : null}
        <div className="flex gap-3">
          <dt className="mt-0.5 shrink-0 text-brand-700">
            <PlaceIcon />
            <span className="sr-only">Where</span>
          </dt>
          <dd className="min-w-0 text-ink">
            <PlaceDetails place={props.place} practiceName={props.practiceName} />
          </dd>
        </div>
      </dl>
    </div>
  );
}

/**
 * Where it meets, in words: the join link (shown plainly; the Join button is
 * JoinCall's), the number to call, or the address. A canceled or expired
 * session names the kind only: no way in.
 */
function PlaceDetails({ place, practiceName }: { place: MeetingPlace; practiceName: string }) {
  const label = offeringFormatLabels[place.kind];
  if (place.kind === "in_person") {
    return (
      <>
        {label}
        {place.address ? <span className="block whitespace-pre-line text-muted">{place.address}</span> : null}
      </>
    );
  }
  if (place.closed) return <>{label}</>;
  if (place.kind === "phone") {
    return (
      <>
        {label}
        {place.url && place.details ? (
          <span className="block text-muted">
            Call{" "}
            <a href={place.url} className="text-brand-700 underline underline-offset-4">
              {place.details}
            </a>
          </span>
        ) : (
          <span className="block whitespace-pre-line text-muted">{place.details ?? `${practiceName} will call you at the number you gave.`}</span>
        )}
      </>
    );
  }
  return (
    <>
      {label}
      {place.url ? (
        <a href={place.url} className="block break-all text-brand-700 underline underline-offset-4" rel="noopener noreferrer" target="_blank">
          {place.url}
          <span className="sr-only"> (opens in a new tab)</span>
        </a>
      ) : (
        <span className="block whitespace-pre-line text-muted">{place.details ?? "Your coach will send the video link before the session."}</span>
      )}
    </>
  );
}

function CalendarIcon() {
  return (
    <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="h-5 w-5">
      <path
        fillRule="evenodd"
        d="M5.75 2a.75.75 0 0 1 .75.75V4h7V2.75a.75.75 0 0 1 1.5 0V4h.25A2.75 2.75 0 0 1 18 6.75v8.5A2.75 2.75 0 0 1 15.25 18H4.75A2.75 2.75 0 0 1 2 15.25v-8.5A2.75 2.75 0 0 1 4.75 4H5V2.75A.75.75 0 0 1 5.75 2Zm-1 5.5c-.69 0-1.25.56-1.25 1.25v6.5c0 .69.56 1.25 1.25 1.25h10.5c.69 0 1.25-.56 1.25-1.25v-6.5c0-.69-.56-1.25-1.25-1.25H4.75Z"
        clipRule="evenodd"
      />
    </svg>
  );
}

function ClockIcon() {
  return (
    <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="h-5 w-5">
      <path fillRule="evenodd" d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm.75-13a.75.75 0 0 0-1.5 0v5c0 .2.08.39.22.53l3 3a.75.75 0 1 0 1.06-1.06l-2.78-2.78V5Z" clipRule="evenodd" />
    </svg>
  );
}

function PlaceIcon() {
  return (
    <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="h-5 w-5">
      <path fillRule="evenodd" d="M9.69 18.93a.75.75 0 0 0 .62 0C12.47 17.9 17 14.9 17 9A7 7 0 1 0 3 9c0 5.9 4.53 8.9 6.69 9.93ZM10 11.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5Z" clipRule="evenodd" />
    </svg>
  );
}
