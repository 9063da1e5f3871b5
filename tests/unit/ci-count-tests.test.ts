import { describe, expect, it } from "vitest";
import { countTests, type VitestReport } from "../../.ci/count-tests";

// CI's closing line (.ci/run): `N passed, N failed`, each test counted once however many runs it was in.

type Status = "passed" | "failed" | "skipped";

function report(files: Record<string, Record<string, Status>>, brokenFiles: string[] = []): VitestReport {
  return {
    testResults: [
      ...Object.entries(files).map(([name, tests]) => ({
        name,
        status: Object.values(tests).includes("failed") ? "failed" : "passed",
        assertionResults: Object.entries(tests).map(([title, status]) => ({ ancestorTitles: ["suite"], title, status })),
      })),
      ...brokenFiles.map((name) => ({ name, status: "failed", assertionResults: [] })),
    ],
  };
}

const unit = { "/repo/tests/unit/slots.test.ts": { "one hour": "passed", "DST day": "passed" } } as const;

describe("countTests", () => {
  it("counts a test once across the TZ runs and npm test", () => {
    expect(countTests([report(unit), report(unit), report(unit), report(unit)])).toEqual({ passed: 2, failed: 0 });
  });

  it("counts a test as failed when it failed in any run, passed in the others", () => {
    const kolkata = report({ "/repo/tests/unit/slots.test.ts": { "one hour": "passed", "DST day": "failed" } });
    expect(countTests([report(unit), kolkata, report(unit)])).toEqual({ passed: 1, failed: 1 });
  });

  it("counts a test skipped in one run (Postgres only) once, by the run it ran in", () => {
    const file = "/repo/tests/integration/dispatch.test.ts";
    const pglite = report({ [file]: { "two dispatchers": "skipped", "sends once": "passed" } });
    const postgres = report({ [file]: { "two dispatchers": "passed", "sends once": "passed" } });
    expect(countTests([pglite, postgres])).toEqual({ passed: 2, failed: 0 });
    expect(countTests([pglite])).toEqual({ passed: 1, failed: 0 });
  });

  it("tells tests with the same title in different files apart", () => {
    const a = report({ "/repo/tests/unit/a.test.ts": { same: "passed" }, "/repo/tests/unit/b.test.ts": { same: "passed" } });
    expect(countTests([a])).toEqual({ passed: 2, failed: 0 });
  });

  it("counts a file that broke before its tests ran as one failure", () => {
    expect(countTests([report(unit, ["/repo/tests/e2e/booking.e2e.ts"])])).toEqual({ passed: 2, failed: 1 });
  });
});
