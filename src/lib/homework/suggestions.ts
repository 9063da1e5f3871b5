import type { CadenceKind } from "./cadence";
import { roadblockLabels, rootCauseLabels } from "@/lib/intake/model";
import { practicesFor, type PracticeKey } from "@/lib/intake/practices";
import { suggestingCauses, type Profile, type SuggestingCause } from "@/lib/intake/scoring";

/** The homework library's framework key (src/server/homework/framework-practices.ts) of each practice an intake can suggest. */
export const frameworkKeyOf: Record<PracticeKey, string> = {
  daily_check_in: "daily-check-in",
  no_tech_zone: "no-technology-zone",
  date_night: "date-night",
  connection_rituals: "morning-evening-connection",
  calendar_blocking: "calendar-blocking",
  intimacy_agreement: "intimacy-agreement",
  relationship_check_in: "relationship-check-in",
  reflection_journal: "self-reflection-journal",
  trust_repair: "trust-repair",
  emotional_openness: "emotional-openness",
  safe_space: "safe-space",
};

export type IntakeSuggestion = { frameworkKey: string; reason: string };

function reasonOf(cause: SuggestingCause): string {
  return cause.kind === "roadblock"
    ? `${roadblockLabels[cause.key]} flagged (${cause.score}/100)`
    : `${rootCauseLabels[cause.key]} scored ${cause.score}/100`;
}

/**
 * The library practices an intake profile suggests, most fitting first, each with the reason
 * the coach sees: the first (strongest) cause that suggests it.
 */
export function suggestionsOf(profile: Pick<Profile, "rootCauses" | "roadblocks">): IntakeSuggestion[] {
  const out = new Map<string, IntakeSuggestion>();
  for (const cause of suggestingCauses(profile)) {
    for (const practice of practicesFor[cause.key]) {
      const frameworkKey = frameworkKeyOf[practice];
      if (!out.has(frameworkKey)) out.set(frameworkKey, { frameworkKey, reason: reasonOf(cause) });
    }
  }
  return [...out.values()];
}

/** One person's suggestions on the coach's client page, with what one click assigns. */
export type PersonSuggestionsView = {
  clientId: string;
  name: string;
  /** The first day, in the person's own zone. */
  today: string;
  /** A session is booked: the assignment runs until it. */
  untilNextSession: boolean;
  suggestions: { libraryPracticeId: string; title: string; cadenceKind: CadenceKind; timesPerWeek: number | null; reason: string }[];
};
