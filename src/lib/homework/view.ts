// What the homework screens receive: plain data the server works out (src/server/homework/queries.ts).
import type { AssignmentStatus, Cadence, CadenceKind } from "./cadence";
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

/** A reflection as the coach reads it. */
export type ReflectionView = {
  id: string;
  assignmentId: string;
  title: string;
  clientId: string;
  clientName: string;
  occurrenceDate: string;
  completedAt: Date;
  reflection: string | null;
  rating: number | null;
};

/** The coach's view of a client's (or a couple's) homework. */
export type AdherenceView = {
  people: { id: string; name: string; timeZone: string }[];
  assignments: { assignment: AssignmentView; progress: Progress; weeks: { monday: string; due: number; done: number }[] }[];
  /** The start of the last session; reflections are those since. */
  since: Date | null;
  reflections: ReflectionView[];
};

/** A library practice as the coach's screens show it. */
export type LibraryPracticeView = {
  id: string;
  frameworkKey: string | null;
  title: string;
  instructions: string;
  reflectionPrompt: string;
  cadenceKind: CadenceKind;
  timesPerWeek: number | null;
  retired: boolean;
};
