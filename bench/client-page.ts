/**
 * The coach's client page, server side, for a client with 12 submitted assessments on file (the
 * relationship intake and 11 pillars check-ins, a partner with their own, three homework
 * practices): everything the page reads (`loadClientPage`) and the pillars-over-time chart
 * rendered to HTML, on a fresh PGlite. Prints p50/p95.
 *
 * Measured in a child process with NODE_ENV=production, as `next start` runs: React's
 * development build records a stack for every element it makes, which alone took the
 * chart's render from under a millisecond to over ten (the email benchmark's worker does the same).
 *
 *   npx tsx --conditions=react-server bench/client-page.ts
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createElement, type ReactElement } from "react";
import { freshPglite, percentile } from "./fresh-pglite";

const ZONE = "America/New_York";
const RUNS = 60;
const ASSESSMENTS = 12;
const DAY = 86_400_000;

// This process runs under the react-server condition (server-only modules need it), where
// react-dom/server refuses to load; Next's own compiled copy renders server components to HTML.
const { renderToStaticMarkup } = createRequire(import.meta.url)("next/dist/compiled/react-dom/cjs/react-dom-server-legacy.node.production.js") as {
  renderToStaticMarkup: (element: ReactElement) => string;
};

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Runs the measurement in a production-mode child and passes its lines through (not the server's log lines). */
export function benchClientPage(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["--conditions=react-server", "bench/client-page.ts"], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production", APP_URL: "http://localhost:3000", LOG_LEVEL: "warn", TEND_SEED_DEMO: "false" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let buffered = "";
    child.stdout.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      const lines = buffered.split("\n");
      buffered = lines.pop()!;
      for (const line of lines) if (!line.includes('"level"')) console.log(line);
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`client page benchmark exited with ${code}`))));
  });
}

async function measure() {
  const { db, done } = await freshPglite("client-page");
  const schema = await import("../src/server/db/schema");
  const { eq } = await import("drizzle-orm");
  const { createPractice } = await import("../src/server/practices/create-practice");
  const { setClientPartner } = await import("../src/server/clients/clients");
  const { listLibrary } = await import("../src/server/homework/library");
  const { assignPractice } = await import("../src/server/homework/assignments");
  const { assignCheckIn } = await import("../src/server/intake/checkins");
  const { assignQuestionnaire } = await import("../src/server/intake/assign");
  const { listQuestionnaires } = await import("../src/server/intake/questionnaires");
  const { getClientIntake, saveIntakeAnswer, submitIntake } = await import("../src/server/intake/responses");
  const { loadClientPage } = await import("../src/app/coach/clients/[id]/load");
  const { PillarHistory } = await import("../src/components/intake/pillar-history");
  const { localDateOf } = await import("../src/lib/time/zones");
  try {
    const [coach] = await db.insert(schema.users).values({ email: "bench@example.test" }).returning();
    const practice = await createPractice(coach!.id, { name: "Bench", slug: "bench", timeZone: ZONE, contactEmail: "bench@example.test" });
    const people = await db
      .insert(schema.clients)
      .values([
        { practiceId: practice.id, name: "Sam Bench", email: "sam@example.test", timeZone: ZONE },
        { practiceId: practice.id, name: "Alex Bench", email: "alex@example.test", timeZone: ZONE },
      ])
      .returning();
    const [sam, alex] = people as [(typeof people)[0], (typeof people)[0]];
    await setClientPartner(practice.id, sam.id, alex.id);
    const questionnaires = await listQuestionnaires(practice.id);
    const intake = questionnaires.find((q) => q.kind === "relationship")!;
    const checkIn = questionnaires.find((q) => q.kind === "checkin")!;

    // Answers every scale and spectrum (ratings drifting up over time), then submits.
    const answer = async (clientId: string, responseId: string, step: number) => {
      const scope = { practiceId: practice.id, clientId };
      const { content } = await getClientIntake(scope, responseId);
      for (const q of content.questions) {
        if (q.kind === "scale") await saveIntakeAnswer(scope, responseId, q.id, String(1 + ((step + q.id.length) % 5)));
        else if (q.kind === "spectrum") await saveIntakeAnswer(scope, responseId, q.id, String(1 + (step % 7)));
      }
      await submitIntake(scope, responseId);
    };
    const first = await assignQuestionnaire(practice.id, { clientId: sam.id, questionnaireId: intake.id });
    await answer(sam.id, first.id, 0);
    for (let i = 1; i < ASSESSMENTS; i++) {
      const { responses } = await assignCheckIn(practice.id, { clientId: sam.id, questionnaireId: checkIn.id, repeat: "once" });
      for (const r of responses) await answer(r.clientId, r.id, i);
    }
    // Spread the submissions over the past months, two weeks apart.
    const submitted = await db.select({ id: schema.intakeResponses.id }).from(schema.intakeResponses).where(eq(schema.intakeResponses.clientId, sam.id));
    for (const [i, r] of submitted.entries()) {
      await db
        .update(schema.intakeResponses)
        .set({ submittedAt: new Date(Date.now() - (ASSESSMENTS - i) * 14 * DAY) })
        .where(eq(schema.intakeResponses.id, r.id));
    }
    await assignCheckIn(practice.id, { clientId: sam.id, questionnaireId: checkIn.id, repeat: "every", everyWeeks: "2" });
    const library = await listLibrary(practice.id);
    for (const p of library.slice(0, 3)) {
      await assignPractice(practice.id, null, {
        clientId: sam.id,
        libraryPracticeId: p.id,
        cadenceKind: p.cadenceKind === "once" ? "weekly" : p.cadenceKind,
        timesPerWeek: p.timesPerWeek ?? undefined,
        startDate: localDateOf(new Date(Date.now() - 60 * DAY), ZONE),
      });
    }

    const page = async () => {
      const data = await loadClientPage(practice.id, sam.id);
      return { data, html: renderToStaticMarkup(createElement(PillarHistory, { assessments: data.pillarHistory, timeZone: ZONE })) };
    };
    const check = await page();
    if (check.data.pillarHistory.length !== ASSESSMENTS) throw new Error(`expected ${ASSESSMENTS} assessments, found ${check.data.pillarHistory.length}`);
    // Queries per page load, the figure that exposes an N+1 whatever the machine's speed.
    const client = (db as unknown as { $client: { query: (...args: unknown[]) => Promise<unknown> } }).$client;
    const query = client.query;
    let queries = 0;
    client.query = function (this: unknown, ...args: unknown[]) {
      queries++;
      return query.apply(this, args);
    };
    await page();
    client.query = query;
    for (let i = 0; i < 5; i++) await page(); // warm up
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await page();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const fmt = (n: number) => n.toFixed(1);
    console.log(`coach's client page, ${ASSESSMENTS} assessments on file (and a partner's, 3 practices, a check-in schedule), ${RUNS} runs (PGlite):`);
    console.log(`  server time  p50 ${fmt(percentile(times, 50))} ms   p95 ${fmt(percentile(times, 95))} ms   (goal: p50 under 50 ms); ${queries} queries a load`);
  } finally {
    await done();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  (process.env.NODE_ENV === "production" ? measure() : benchClientPage()).catch((error: Error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
