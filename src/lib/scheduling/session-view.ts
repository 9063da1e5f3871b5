// One booked session as its client sees it (the manage link and the portal): computed on the
// server (src/server/scheduling/session-view.ts), rendered by components/booking/session-page.tsx.
import type { MeetingPlace } from "./meeting-place";
import type { CancelDecision, PolicySnapshot, RescheduleDecision } from "./policy";
import type { SessionStatus } from "./status";

export type SessionSummaryData = {
  offeringName: string;
  practiceName: string;
  startIso: string;
  endIso: string;
  /** The zone of the person reading. */
  timeZone: string;
  /** The coach's zone, shown too when its clock differs. */
  practiceTimeZone: string;
  /** Where it meets; a canceled session's has no join link. */
  place: MeetingPlace;
};

export type SessionView = {
  summary: SessionSummaryData;
  status: SessionStatus;
  nowIso: string;
  horizonDays: number;
  contactEmail: string;
  policy: PolicySnapshot;
  /** The policy's answers, worked out on the server's clock. */
  cancel: CancelDecision;
  reschedule: RescheduleDecision;
  /** Calendar links, for a session still ahead. */
  calendar: { icsHref: string; googleHref: string } | null;
  bookAgainHref: string;
  /** What just happened, from the action's redirect (?done=…). */
  done?: "rescheduled" | "canceled";
};
