/**
 * The portal homework page's server work (getClientWeek: assignments, schedules, a year of
 * completion keys, streaks, rates, this week's own reflections) for a client with 20
 * assignments and a year of completions, on a fresh PGlite. Prints p50/p95.
 *
 *   npx tsx --conditions=react-server bench/homework-page.ts
 */
import { pathToFileURL } from "node:url";
import { freshPglite, percentile } from "./fresh-pglite";

const ZONE = "America/Los_Angeles";
const RUNS = 60;

export async function benchHomeworkPage() {
  const { db, done } = await freshPglite("homework");
  const schema = await import("../src/server/db/schema");
  const { createPractice } = await import("../src/server/practices/create-practice");
  const { listLibrary } = await import("../src/server/homework/library");
  const { assignPractice } = await import("../src/server/homework/assignments");
  const { getClientWeek } = await import("../src/server/homework/queries");
  const { occurrencesBetween } = await import("../src/lib/homework/occurrences");
  const { cadenceFrom } = await import("../src/lib/homework/cadence");
  const { addDays } = await import("../src/lib/time/dates");
  const { localDateOf } = await import("../src/lib/time/zones");
  try {
    const [coach] = await db.insert(schema.users).values({ email: "bench@example.test" }).returning();
    const practice = await createPractice(coach!.id, { name: "Bench", slug: "bench", timeZone: ZONE, contactEmail: "bench@example.test" });
    const [client] = await db
      .insert(schema.clients)
      .values({ practiceId: practice.id, name: "Bench Client", email: "client@example.test", timeZone: ZONE })
      .returning();
    const library = await listLibrary(practice.id);
    const today = localDateOf(new Date(), ZONE);
    const start = addDays(today, -365);
    const assignments = [];
    for (let i = 0; i < 20; i++) {
      const p = library[i % library.length]!;
      const kind = p.cadenceKind === "once" ? "weekly" : p.cadenceKind;
      const [row] = await assignPractice(practice.id, null, {
        clientId: client!.id,
        libraryPracticeId: p.id,
        cadenceKind: kind,
        timesPerWeek: p.timesPerWeek ?? undefined,
        startDate: start,
      });
      assignments.push(row!);
    }
    // Four in five occurrences done, each with a reflection and a rating.
    let completions = 0;
    for (const a of assignments) {
      const cadence = cadenceFrom(a.cadenceKind, a.timesPerWeek, a.dueDate)!;
      const rows = occurrencesBetween({ cadence, startDate: start, endDate: null, pauses: [] }, start, addDays(today, -1))
        .filter((_, i) => i % 5 !== 4)
        .map((o) => ({
          practiceId: practice.id,
          assignmentId: a.id,
          occurrenceDate: o.date,
          occurrenceSlot: o.slot,
          completedBy: client!.id,
          completedOn: o.until,
          reflection: "We sat together without phones and talked about the week.",
          rating: 4,
        }));
      for (let i = 0; i < rows.length; i += 500) await db.insert(schema.homeworkCompletions).values(rows.slice(i, i + 500));
      completions += rows.length;
    }
    const scope = { practiceId: practice.id, clientId: client!.id };
    for (let i = 0; i < 5; i++) await getClientWeek(scope); // warm up
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await getClientWeek(scope);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const fmt = (n: number) => n.toFixed(1);
    console.log(`portal homework page, 20 assignments, ${completions.toLocaleString("en-US")} completions over a year, ${RUNS} runs (PGlite):`);
    console.log(`  server time  p50 ${fmt(percentile(times, 50))} ms   p95 ${fmt(percentile(times, 95))} ms   (goal: p50 under 50 ms)`);
  } finally {
    await done();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchHomeworkPage().catch((error: Error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
