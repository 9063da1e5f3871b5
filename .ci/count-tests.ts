/**
 * The closing line of .ci/run, `N passed, N failed`, from the Vitest JSON reports in a folder,
 * each test counted once:
 *
 *   npx tsx .ci/count-tests.ts artifacts/results
 *
 * CI runs some tests more than once (the unit suite under three TZ values and again inside
 * `npm test`, the integration suite on PGlite and on Postgres). A test is its file and its
 * titles: it fails if it failed in any run, passes if it passed in one and failed in none, and
 * is not counted if every run skipped it (a Postgres-only test on PGlite, say). A file that broke
 * before its tests could run counts as one failed test.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

type TestStatus = "passed" | "failed" | "skipped" | "pending" | "todo" | "disabled";

/** The part of Vitest's JSON report read here. */
export type VitestReport = {
  testResults?: {
    name: string;
    status: string;
    assertionResults?: { ancestorTitles: string[]; title: string; status: TestStatus }[];
  }[];
};

export function countTests(reports: VitestReport[]): { passed: number; failed: number } {
  const outcome = new Map<string, "passed" | "failed">();
  const record = (key: string, status: string) => {
    if (status === "failed") outcome.set(key, "failed");
    else if (status === "passed" && outcome.get(key) !== "failed") outcome.set(key, "passed");
  };
  for (const report of reports) {
    for (const file of report.testResults ?? []) {
      const tests = file.assertionResults ?? [];
      for (const test of tests) record([file.name, ...test.ancestorTitles, test.title].join(" > "), test.status);
      if (file.status === "failed" && !tests.some((test) => test.status === "failed")) record(`${file.name} (the file itself)`, "failed");
    }
  }
  const statuses = [...outcome.values()];
  return { passed: statuses.filter((s) => s === "passed").length, failed: statuses.filter((s) => s === "failed").length };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const folder = process.argv[2] ?? "artifacts/results";
  const files = fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith(".json")) : [];
  const reports = files.map((f) => JSON.parse(fs.readFileSync(path.join(folder, f), "utf8")) as VitestReport);
  const { passed, failed } = countTests(reports);
  console.log(`${passed} passed, ${failed} failed`);
}
