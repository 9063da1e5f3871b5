import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button-class";
import { Notice } from "@/components/ui/notice";
import { joinUrlOf } from "@/lib/scheduling/meeting-place";
import type { SessionView } from "@/lib/scheduling/session-view";
import { clientStatus, holdsTime, isCanceled } from "@/lib/scheduling/status";
import { JoinCall } from "./join-call";
import { ManageSession, type ManageActions } from "./manage-session";
import { SessionSummary } from "./session-summary";

export type SessionPageProps = SessionView & {
  actions: ManageActions;
  /** What identifies the booking to the actions: its id, and the manage token if any. */
  link: Record<string, string>;
};

/**
 * One session, for the person who booked it: what and when, its state, and
 * what they can still do about it. The manage-link page and the portal's
 * session page both render this; only their frames and actions differ.
 */
export function SessionPage(props: SessionPageProps) {
  const { summary, status, nowIso } = props;
  const badge = clientStatus(status, new Date(summary.startIso), new Date(nowIso));
  const canceled = isCanceled(status);
  const ahead = holdsTime(status) && new Date(summary.startIso) > new Date(nowIso);
  const joinUrl = joinUrlOf(summary.place, status);

  return (
    <div className="space-y-8">
      {props.done === "rescheduled" && ahead ? (
        <Notice>
          <p className="font-medium">Your session has been moved.</p>
          <p>We’ve emailed you the new time with an updated calendar invite.</p>
        </Notice>
      ) : null}
      {props.done === "canceled" && canceled ? (
        <Notice>
          <p className="font-medium">Your session is canceled.</p>
          <p>
            {summary.practiceName} has been told, and a confirmation email is on its way.
            {status === "late_canceled" ? " As it was close to the start, it’s recorded as a late cancellation." : ""}
          </p>
        </Notice>
      ) : null}

      <SessionSummary {...summary} canceled={canceled} badge={<Badge tone={badge.tone}>{badge.label}</Badge>} />
      {joinUrl ? <JoinCall url={joinUrl} startIso={summary.startIso} endIso={summary.endIso} nowIso={nowIso} /> : null}

      {ahead ? (
        <>
          {props.calendar ? (
            <section aria-labelledby="calendar-heading">
              <h2 id="calendar-heading" className="font-serif text-lg font-semibold text-ink">
                Add it to your calendar
              </h2>
              <div className="mt-3 flex flex-col gap-2 sm:flex-row">
                <a href={props.calendar.icsHref} download className={buttonClass("secondary")}>
                  Download invite (.ics)
                </a>
                <a href={props.calendar.googleHref} target="_blank" rel="noopener noreferrer" className={buttonClass("secondary")}>
                  Add to Google Calendar
                  <span className="sr-only"> (opens in a new tab)</span>
                </a>
              </div>
            </section>
          ) : null}
          <section aria-labelledby="change-heading" className="rounded-2xl border border-line bg-white p-5 shadow-sm sm:p-6">
            <h2 id="change-heading" className="mb-4 font-serif text-xl font-semibold text-ink">
              Need to change it?
            </h2>
            <ManageSession
              // A fresh panel once the session changed (after a reschedule it starts from the top again).
              key={`${summary.startIso}|${status}`}
              startIso={summary.startIso}
              nowIso={nowIso}
              horizonDays={props.horizonDays}
              fallbackTimeZone={summary.timeZone}
              practiceName={summary.practiceName}
              contactEmail={props.contactEmail}
              policy={props.policy}
              cancel={props.cancel}
              reschedule={props.reschedule}
              actions={props.actions}
              link={props.link}
            />
          </section>
        </>
      ) : (
        <section aria-labelledby="ended-heading" className="rounded-2xl bg-white/70 p-5 ring-1 ring-inset ring-line sm:p-6">
          <h2 id="ended-heading" className="font-serif text-lg font-semibold text-ink">
            {canceled
              ? "This session was canceled"
              : status === "expired"
                ? "Not booked: the payment wasn’t completed in time"
                : holdsTime(status)
                  ? new Date(summary.endIso) > new Date(nowIso)
                    ? "This session has started"
                    : "This session has passed"
                  : "This session is over"}
          </h2>
          <p className="mt-1 text-sm text-muted">
            Whenever you’re ready, you can book another. Questions? Write to{" "}
            <a href={`mailto:${props.contactEmail}`} className="text-brand-700 underline underline-offset-4">
              {props.contactEmail}
            </a>
            .
          </p>
          <Link href={props.bookAgainHref} className={buttonClass("primary", "mt-4 w-full sm:w-auto")}>
            Book another session
          </Link>
        </section>
      )}
    </div>
  );
}
