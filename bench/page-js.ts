/**
 * The JavaScript a visitor's browser loads for the public pages, measured in Chromium against
 * the production build (`npm run build` first): every script response the page fetches until the
 * network is idle, each body gzipped here with node:zlib. The crisis booking page gets the goal
 * line and its largest chunks with what is in them (from the build's source maps), so a
 * regression can be explained; the other public pages get one line each.
 *
 *   npx tsx --conditions=react-server bench/page-js.ts
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { SourceMapConsumer, type RawSourceMap } from "source-map-js";
import { launchChromium } from "../tests/e2e/support/chromium";
import { startProductionServer } from "../tests/e2e/support/server";

const ROOT = path.resolve(__dirname, "..");
/** The demo practice's crisis offering (src/server/db/seed.ts). */
const BOOKING_PAGE = "/book/demo/crisis";
const GOAL_KB = 150;
const LARGEST_SHOWN = 8;

type Script = { url: string; body: Buffer; gzipBytes: number };

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** Opens `url` in a fresh context, waits for `ready` and a quiet network, and returns every script it loaded. */
async function scriptsOf(browser: Browser, url: string, ready: (page: Page) => Promise<unknown>): Promise<Script[]> {
  const context = await browser.newContext({ timezoneId: "America/New_York", locale: "en-US" });
  const page = await context.newPage();
  const bodies = new Map<string, Promise<Buffer | null>>();
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script" || bodies.has(response.url())) return;
    bodies.set(response.url(), response.body().catch(() => null));
  });
  try {
    await page.goto(url, { waitUntil: "networkidle" });
    await ready(page);
    await page.waitForLoadState("networkidle");
    const scripts: Script[] = [];
    for (const [scriptUrl, pending] of bodies) {
      const body = await pending;
      if (body) scripts.push({ url: scriptUrl, body, gzipBytes: gzipSync(body).length });
    }
    return scripts;
  } finally {
    await context.close();
  }
}

const total = (scripts: Script[]) => scripts.reduce((sum, s) => sum + s.gzipBytes, 0);

/** "react-dom", "zod", "src/components/booking/slot-picker.tsx": who wrote the code at a source map's source. */
function ownerOf(source: string | null): string {
  if (!source) return "(runtime glue)";
  const file = source.replace(/^turbopack:\/\/\/?/, "").replace(/^\[project\]\//, "");
  const compiled = /next\/dist\/compiled\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (compiled) return compiled[1]!;
  const modules = file.split("node_modules/");
  if (modules.length > 1) {
    const rest = modules.at(-1)!.split("/");
    const name = rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
    return name;
  }
  return file;
}

/** Shares of a chunk's minified characters by owner, read from its source map; null without one. */
async function contentsOf(script: Script): Promise<[owner: string, share: number][] | null> {
  const mapName = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(script.body.toString("utf8"))?.[1];
  if (!mapName) return null;
  const response = await fetch(new URL(mapName, script.url)).catch(() => null);
  if (!response?.ok) return null;
  const consumer = new SourceMapConsumer((await response.json()) as RawSourceMap);
  const lines = script.body.toString("utf8").split("\n");
  const byLine = new Map<number, { column: number; owner: string }[]>();
  consumer.eachMapping((m) => {
    const line = byLine.get(m.generatedLine) ?? [];
    line.push({ column: m.generatedColumn, owner: ownerOf(m.source) });
    byLine.set(m.generatedLine, line);
  });
  const chars = new Map<string, number>();
  const add = (owner: string, n: number) => chars.set(owner, (chars.get(owner) ?? 0) + n);
  lines.forEach((text, index) => {
    const marks = (byLine.get(index + 1) ?? []).sort((a, b) => a.column - b.column);
    add("(runtime glue)", marks[0]?.column ?? text.length);
    marks.forEach((mark, i) => add(mark.owner, (marks[i + 1]?.column ?? text.length) - mark.column));
  });
  const all = [...chars.values()].reduce((a, b) => a + b, 0) || 1;
  return [...chars.entries()].map(([owner, n]): [string, number] => [owner, n / all]).sort((a, b) => b[1] - a[1]);
}

/** A booking made through the public API, for a manage link to measure (its token is never printed). */
async function manageLink(baseUrl: string): Promise<string> {
  const start = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const end = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  const slots = (await (await fetch(`${baseUrl}/api/public/demo/offerings/one-on-one/slots?start=${start}&end=${end}`)).json()) as {
    slots: { start: string }[];
  };
  const first = slots.slots[0];
  if (!first) throw new Error("The demo practice has no open one-on-one slot to book for the manage page.");
  const response = await fetch(`${baseUrl}/api/public/demo/bookings`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ offering: "one-on-one", start: first.start, name: "Bench Booker", email: "bench@example.test", timeZone: "America/New_York" }),
  });
  const body = (await response.json()) as { booking?: { manageUrl: string } };
  if (!body.booking) throw new Error(`Booking for the manage page failed: ${response.status} ${JSON.stringify(body)}`);
  return body.booking.manageUrl;
}

export async function benchPageJs() {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    console.log("booking-page-js: skipped measuring: no production build (run `npm run build` first).");
    return null;
  }
  const server = await startProductionServer();
  const browser = await launchChromium();
  try {
    const booking = await scriptsOf(browser, `${server.baseUrl}${BOOKING_PAGE}`, (page) =>
      page.getByRole("combobox", { name: "Your time zone" }).waitFor({ state: "visible", timeout: 30_000 }),
    );
    const gzipKb = total(booking) / 1024;
    console.log(`booking-page-js: gzip_kb=${gzipKb.toFixed(1)} files=${booking.length} page=${BOOKING_PAGE} goal=${GOAL_KB}`);
    console.log(`  largest scripts (gzip KB, then what fills them, by share of the minified text):`);
    for (const script of [...booking].sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, LARGEST_SHOWN)) {
      const contents = await contentsOf(script);
      const what = contents
        ? contents
            .filter(([, share]) => share >= 0.02)
            .slice(0, 5)
            .map(([owner, share]) => `${owner} ${Math.round(share * 100)}%`)
            .join(", ")
        : "(no source map served; next.config.ts productionBrowserSourceMaps)";
      console.log(`  ${kb(script.gzipBytes).padStart(6)}  ${path.basename(new URL(script.url).pathname)}  ${what}`);
    }

    const manage = await manageLink(server.baseUrl);
    const others: [label: string, url: string, ready: (page: Page) => Promise<unknown>][] = [
      ["/book/demo", `${server.baseUrl}/book/demo`, (page) => page.getByRole("heading", { level: 1 }).waitFor()],
      ["/manage/[id]", manage, (page) => page.getByRole("button", { name: "Choose a new time" }).waitFor()],
      ["/signin", `${server.baseUrl}/signin`, (page) => page.getByLabel("Email").waitFor()],
    ];
    for (const [label, url, ready] of others) {
      const scripts = await scriptsOf(browser, url, ready);
      console.log(`public-page-js: gzip_kb=${kb(total(scripts))} files=${scripts.length} page=${label}`);
    }
    return { gzipKb };
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchPageJs().catch((error: Error) => {
    console.error(error.message);
    process.exitCode = 1;
  });
}
