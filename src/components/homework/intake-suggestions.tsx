"use client";

import { useActionState } from "react";
import { cadenceFrom, describeCadence } from "@/lib/homework/cadence";
import type { PersonSuggestionsView } from "@/lib/homework/suggestions";
import type { ServerAction } from "@/lib/action-result";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

type AssignAction = ServerAction<{ assigned: number }>;
type Suggestion = PersonSuggestionsView["suggestions"][number];

/**
 * Practices the intake profile suggests, with why, each assigned in one click with the practice's
 * own cadence, from today, until the next session when one is booked. A couple: one list per partner.
 */
export function IntakeSuggestions({ people, assign }: { people: PersonSuggestionsView[]; assign: AssignAction }) {
  if (!people.length) return null;
  const couple = people.length > 1;
  return (
    <section aria-labelledby="suggestions-heading" className="mt-6 border-t border-line pt-4">
      <h3 id="suggestions-heading" className="text-sm font-semibold text-ink">
        Suggested by the intake
      </h3>
      <div className={couple ? "mt-3 grid gap-4 sm:grid-cols-2" : "mt-3"}>
        {people.map((person) => (
          <div key={person.clientId}>
            {couple ? <p className="mb-2 text-sm font-medium text-muted">{person.name}</p> : null}
            {person.suggestions.length ? (
              <ul className="space-y-2">
                {person.suggestions.map((s) => (
                  <SuggestionRow key={s.libraryPracticeId} person={person} suggestion={s} assign={assign} />
                ))}
              </ul>
            ) : (
              <p className="text-sm text-muted">Everything the intake suggests is assigned.</p>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}

function SuggestionRow({ person, suggestion, assign }: { person: PersonSuggestionsView; suggestion: Suggestion; assign: AssignAction }) {
  const [state, action] = useActionState(assign, null);
  const cadence = cadenceFrom(suggestion.cadenceKind, suggestion.timesPerWeek, person.today);
  return (
    <li className="rounded-xl border border-line p-3">
      <form action={action} className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <p className="font-medium text-ink">{suggestion.title}</p>
          <p className="text-xs text-muted">
            {suggestion.reason}
            {cadence ? ` · ${describeCadence(cadence)}` : ""}
            {person.untilNextSession ? " · until the next session" : ""}
          </p>
        </div>
        <input type="hidden" name="clientId" value={person.clientId} />
        <input type="hidden" name="libraryPracticeId" value={suggestion.libraryPracticeId} />
        <input type="hidden" name="cadenceKind" value={suggestion.cadenceKind} />
        {suggestion.timesPerWeek !== null ? <input type="hidden" name="timesPerWeek" value={suggestion.timesPerWeek} /> : null}
        {suggestion.cadenceKind === "once" ? <input type="hidden" name="dueDate" value={person.today} /> : null}
        <input type="hidden" name="startDate" value={person.today} />
        <input type="hidden" name="endMode" value={person.untilNextSession ? "next_session" : "open"} />
        <SubmitButton variant="secondary" pendingLabel="Assigning…" aria-label={`Assign ${suggestion.title} to ${person.name}`}>
          Assign
        </SubmitButton>
        <FormMessage state={state && !state.ok ? state : null} />
      </form>
    </li>
  );
}
