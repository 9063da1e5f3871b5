import type { Roadblock, RootCause } from "./model";

/** The framework's practices an intake profile can suggest (the homework library's names). */
export const practiceLabels = {
  daily_check_in: "Daily check-in ritual",
  no_tech_zone: "No-technology zone",
  date_night: "Date night",
  connection_rituals: "Morning and evening connection",
  calendar_blocking: "Calendar blocking",
  intimacy_agreement: "Intimacy agreement",
  relationship_check_in: "Relationship check-in",
  reflection_journal: "Self-reflection journal",
  trust_repair: "Trust repair actions",
  emotional_openness: "Emotional openness",
  safe_space: "Safe space",
} as const;

export type PracticeKey = keyof typeof practiceLabels;

/** Which practices a pressing root cause or a flagged roadblock suggests, most fitting first. */
export const practicesFor: Record<RootCause | Roadblock, PracticeKey[]> = {
  trauma: ["reflection_journal", "emotional_openness"],
  communication: ["daily_check_in", "safe_space"],
  needs: ["relationship_check_in", "emotional_openness"],
  busy: ["no_tech_zone", "date_night", "calendar_blocking", "connection_rituals"],
  resentment: ["relationship_check_in", "trust_repair"],
  mismatch: ["intimacy_agreement", "relationship_check_in"],
};
