import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import type { AxeResults, Result, RunOptions } from "axe-core";

// axe-core in the page under test: every e2e journey calls expectAccessible(page) on each page it
// visits, and fails on any serious or critical violation (docs/testing.md).

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const OPTIONS: RunOptions = {
  resultTypes: ["violations"],
  // Only the page itself: frames (the dev mailbox shows an email in one) get no axe of their own,
  // and axe would wait for their answer.
  iframes: false,
  rules: {
    // Experimental in axe 4, so off by default; Tend's time buttons must pass it (voice control
    // users say what they see: a name must contain its visible text).
    "label-content-name-mismatch": { enabled: true },
  },
};

const BLOCKING = new Set(["serious", "critical"]);

/** One line per violation and element, readable in a failed test's message. */
function describe(violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.replace(/\s+/g, " ").trim() ?? ""}`)
        .join("\n");
      const more = v.nodes.length > 5 ? `\n    …and ${v.nodes.length - 5} more` : "";
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    })
    .join("\n");
}

/**
 * Runs axe-core on the page as it is now and throws, listing each rule and element, when it
 * finds a serious or critical violation. The script is evaluated through the DevTools
 * protocol, which the page's Content-Security-Policy doesn't govern (a <script> tag would be
 * refused, as it should be). `label` names the page in the message (default: its path).
 */
export async function expectAccessible(page: Page, label?: string): Promise<void> {
  await page.waitForLoadState("load");
  // After a client-side navigation (a server action's redirect) Next sets the new <title> a moment
  // after the content: give it that moment, so axe judges the page and not the transition.
  await page.waitForFunction(() => document.title.trim() !== "", undefined, { timeout: 5_000 }).catch(() => undefined);
  const injected = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
  if (!injected) await page.evaluate(axeSource);
  const results = await page.evaluate(async (options) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<AxeResults> } }).axe;
    return axe.run(document, options);
  }, OPTIONS);
  const blocking = results.violations.filter((v) => BLOCKING.has(v.impact ?? ""));
  if (blocking.length) {
    const where = label ?? new URL(page.url()).pathname;
    throw new Error(`axe found ${blocking.length} serious or critical accessibility violation(s) on ${where}:\n${describe(blocking)}`);
  }
}
