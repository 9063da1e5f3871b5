import "server-only";
import { and, desc, eq, gt, inArray, ne, or } from "drizzle-orm";
import { suggestionsOf, type PersonSuggestionsView } from "@/lib/homework/suggestions";
import { localDateOf } from "@/lib/time/zones";
import { now } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { bookings, homeworkAssignments, intakeResponses } from "@/server/db/schema";
import { listLibrary } from "./library";
import { SESSION_STATUSES, clientOf, visibleTo } from "./schedules";

/** At most this many suggestions per person: the most fitting ones. */
const MAX_SUGGESTIONS = 4;

/**
 * For the client page: what each person's latest submitted intake suggests (this client, and for a
 * couple the partner too), as library practices with the reason, leaving out what they already do
 * (an assignment not ended). Each comes with what one click assigns: the practice's own cadence,
 * starting today in that person's zone, until their next session when one is booked.
 */
export async function suggestPractices(practiceId: string, clientId: string): Promise<PersonSuggestionsView[]> {
  const client = await clientOf(practiceId, clientId);
  const people = client.partnerId ? [client, await clientOf(practiceId, client.partnerId)] : [client];
  const ids = people.map((p) => p.id);
  const db = getDb();
  const intakes = await db
    .select({ clientId: intakeResponses.clientId, profile: intakeResponses.profile })
    .from(intakeResponses)
    .where(and(eq(intakeResponses.practiceId, practiceId), inArray(intakeResponses.clientId, ids), eq(intakeResponses.status, "submitted")))
    .orderBy(desc(intakeResponses.submittedAt));
  if (!intakes.some((i) => i.profile)) return [];

  const [library, assigned, upcoming] = await Promise.all([
    listLibrary(practiceId),
    db
      .select({ libraryPracticeId: homeworkAssignments.libraryPracticeId, clientId: homeworkAssignments.clientId, partnerClientId: homeworkAssignments.partnerClientId })
      .from(homeworkAssignments)
      .where(and(eq(homeworkAssignments.practiceId, practiceId), ne(homeworkAssignments.status, "ended"), or(...ids.map(visibleTo)))),
    db
      .select({ clientId: bookings.clientId, partnerClientId: bookings.partnerClientId })
      .from(bookings)
      .where(
        and(
          eq(bookings.practiceId, practiceId),
          or(inArray(bookings.clientId, ids), inArray(bookings.partnerClientId, ids)),
          inArray(bookings.status, [...SESSION_STATUSES]),
          gt(bookings.startsAt, now()),
        ),
      ),
  ]);
  const byKey = new Map(library.filter((p) => p.frameworkKey).map((p) => [p.frameworkKey!, p]));
  const involves = (id: string) => (row: { clientId: string; partnerClientId: string | null }) => row.clientId === id || row.partnerClientId === id;

  return people.flatMap((person): PersonSuggestionsView[] => {
    const profile = intakes.find((i) => i.clientId === person.id && i.profile)?.profile;
    if (!profile) return [];
    const taken = new Set(assigned.filter(involves(person.id)).map((a) => a.libraryPracticeId));
    const suggestions = suggestionsOf(profile)
      .flatMap(({ frameworkKey, reason }) => {
        const practice = byKey.get(frameworkKey);
        return practice && !taken.has(practice.id) ? [{ libraryPracticeId: practice.id, title: practice.title, cadenceKind: practice.cadenceKind, timesPerWeek: practice.timesPerWeek, reason }] : [];
      })
      .slice(0, MAX_SUGGESTIONS);
    return [
      {
        clientId: person.id,
        name: person.name,
        today: localDateOf(now(), person.timeZone),
        untilNextSession: upcoming.some(involves(person.id)),
        suggestions,
      },
    ];
  });
}
