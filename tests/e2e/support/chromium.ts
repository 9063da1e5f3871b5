import { chromium, type Browser } from "playwright-core";

/**
 * The system Chromium, headless, with the flags that stop it calling home: what the e2e suite
 * and `npm run bench` (bench/page-js.ts) drive.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-quic",
      "--no-first-run",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
