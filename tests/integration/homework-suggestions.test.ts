import { DateTime } from "luxon";
import { beforeEach, describe, expect, it } from "vitest";
import { frameworkKeyOf } from "@/lib/homework/suggestions";
import { practiceLabels, type PracticeKey } from "@/lib/intake/practices";
import { createClient } from "@/server/clients/clients";
import { assignPractice, endAssignment } from "@/server/homework/assignments";
import { listLibrary } from "@/server/homework/library";
import { suggestPractices } from "@/server/homework/suggestions";
import { getClientIntake, saveIntakeAnswer, submitIntake } from "@/server/intake/responses";
import { createBookablePractice, setTestClock } from "../support/factories";
import { coupleBooked as coupleBookedFor, failure } from "../support/intake";

const ZONE = "America/Los_Angeles";
// Wednesday 2027-01-06, 08:00 in Los Angeles; the couple's session is the Monday after.
const NOW = DateTime.fromISO("2027-01-06T08:00", { zone: ZONE });

beforeEach(() => setTestClock(NOW.toJSDate()));

const coupleBooked = () => coupleBookedFor(ZONE, "2027-01-11T10:00");

/** Answers every scale item low except those starting with `high`, which get the top of the scale. */
async function submitWithHigh(scope: { practiceId: string; clientId: string; responseId: string }, high: string) {
  const { content } = await getClientIntake(scope, scope.responseId);
  for (const q of content.questions) {
    if (q.kind === "scale") await saveIntakeAnswer(scope, scope.responseId, q.id, q.id.startsWith(high) ? "5" : "1");
  }
  return submitIntake(scope, scope.responseId);
}

describe("suggested practices on the client page", () => {
  it("every practice an intake can suggest is one of the seeded framework practices, by its key and name", async () => {
    const { practiceId } = await createBookablePractice(ZONE);
    const library = await listLibrary(practiceId);
    for (const [key, frameworkKey] of Object.entries(frameworkKeyOf)) {
      expect(library.find((p) => p.frameworkKey === frameworkKey)?.title).toBe(practiceLabels[key as PracticeKey]);
    }
  });

  it("suggests what a high 'busy' roadblock calls for, with the reason, and drops it once assigned", async () => {
    const { practiceId, user, sam } = await coupleBooked();
    expect(await suggestPractices(practiceId, sam.clientId)).toEqual([]); // nothing submitted yet

    await submitWithHigh(sam, "busy_");
    const [mine, ...others] = await suggestPractices(practiceId, sam.clientId);
    expect(others).toEqual([]); // Alex hasn't submitted
    expect(mine).toMatchObject({ clientId: sam.clientId, name: "Sam", today: "2027-01-06", untilNextSession: true });
    const noTech = mine!.suggestions.find((s) => s.title === "No-technology zone");
    expect(noTech).toMatchObject({ cadenceKind: "daily", reason: "Busy lifestyle flagged (100/100)" });

    // One click: the practice's cadence, from today, until the next session.
    const [assignment] = await assignPractice(practiceId, user.id, {
      clientId: sam.clientId,
      libraryPracticeId: noTech!.libraryPracticeId,
      cadenceKind: noTech!.cadenceKind,
      timesPerWeek: noTech!.timesPerWeek ?? undefined,
      startDate: mine!.today,
      endMode: "next_session",
    });
    let after = (await suggestPractices(practiceId, sam.clientId))[0]!.suggestions;
    expect(after.map((s) => s.libraryPracticeId)).not.toContain(noTech!.libraryPracticeId);

    // Once ended, it can be suggested again.
    await endAssignment(practiceId, assignment!.id);
    after = (await suggestPractices(practiceId, sam.clientId))[0]!.suggestions;
    expect(after.map((s) => s.libraryPracticeId)).toContain(noTech!.libraryPracticeId);
  });

  it("shows each partner's own suggestions, and a shared practice leaves both lists", async () => {
    const { practiceId, sam, alex } = await coupleBooked();
    await submitWithHigh(sam, "busy_");
    await submitWithHigh(alex, "busy_");
    const before = await suggestPractices(practiceId, alex.clientId);
    expect(before.map((p) => p.name)).toEqual(["Alex", "Sam"]);
    const dateNight = before[0]!.suggestions.find((s) => s.title === "Date night")!;
    expect(before[1]!.suggestions.map((s) => s.title)).toContain("Date night");

    await assignPractice(practiceId, null, { clientId: sam.clientId, assignTo: "shared", libraryPracticeId: dateNight.libraryPracticeId, cadenceKind: "weekly", startDate: "2027-01-06" });
    for (const person of await suggestPractices(practiceId, sam.clientId)) {
      expect(person.suggestions.map((s) => s.title)).not.toContain("Date night");
    }
  });

  it("has nothing to suggest without an intake, and another practice's client is not found", async () => {
    const { practiceId, sam } = await coupleBooked();
    const loner = await createClient(practiceId, { name: "Robin", email: "robin@example.test", timeZone: ZONE });
    expect(await suggestPractices(practiceId, loner.id)).toEqual([]);

    await submitWithHigh(sam, "busy_");
    const other = await createBookablePractice(ZONE);
    expect((await failure(suggestPractices(other.practiceId, sam.clientId))).code).toBe("not_found");
    expect((await failure(suggestPractices(practiceId, "not-a-uuid"))).code).toBe("not_found");
  });
});
