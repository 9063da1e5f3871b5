// What the homework screens receive: plain data the server works out (src/server/homework/queries.ts).
import type { AssignmentStatus, Cadence } from "./cadence";
import type { Occurrence, Progress } from "./occurrences";

/** An assignment as assigned: the library text then, plus the coach's personal note. */
export type AssignmentView = {
  id: string;
  clientId: string;
  title: string;
  instructions: string;
  personalInstructions: string | null;
  reflectionPrompt: string;
  cadence: Cadence;
  startDate: string;
  endDate: string | null;
  untilNextSession: boolean;
  status: AssignmentStatus;
  /** A couple's practice either partner marks done. */
  shared: boolean;
};

export type OccurrenceView = Occurrence & {
  /** Done, by this client or (shared) the partner; the reflection only when it is this client's own. */
  done: { byMe: boolean; canUndo: boolean; reflection: string | null; rating: number | null } | null;
  canComplete: boolean;
};

export type ClientWeekView = {
  today: string;
  monday: string;
  days: string[];
  timeZone: string;
  items: { assignment: AssignmentView; progress: Progress; occurrences: OccurrenceView[] }[];
};
