import type { Locator, Page } from "playwright-core";
import { visible } from "./browser";

// The booking calendar as a screen reader meets it: a grid of day buttons named
// "Monday, March 9, 3 open times" (or "…, no open times"), and a list of the chosen day's times.

const OPEN_DAY = /, (\d+) open times?$/;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Waits for the month's open days to load; returns the calendar's buttons for them. */
export async function openDays(page: Page): Promise<Locator> {
  const days = page.getByRole("grid").getByRole("button", { name: OPEN_DAY });
  await visible(days.first(), 30_000);
  return days;
}

/** Each open day's date as the calendar says it ("Monday, March 9") and its number of open times. */
export async function openDayCounts(days: Locator): Promise<{ day: string; open: number }[]> {
  const names = await Promise.all((await days.all()).map((day) => day.getAttribute("aria-label")));
  return names.map((name) => ({ day: (name ?? "").replace(OPEN_DAY, ""), open: Number(OPEN_DAY.exec(name ?? "")?.[1] ?? 0) }));
}

/** A day's button, by the date as the calendar says it ("Monday, March 9"). */
export function dayButton(page: Page, day: string): Locator {
  return page.getByRole("grid").getByRole("button", { name: new RegExp(`^${escapeRegExp(day)},`) });
}

/** The open times listed for the chosen day (the session's current time, when rescheduling, is disabled). */
export function openTimes(page: Page): Locator {
  return page.getByRole("list", { name: /^Open times on/ }).getByRole("button", { disabled: false });
}

/** The accessible name of whatever has the keyboard's focus. */
export function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const focused = document.activeElement;
    return focused?.getAttribute("aria-label") ?? focused?.textContent?.trim() ?? "";
  });
}

/** Whether a name is an open day's ("…, 3 open times"). */
export const isOpenDay = (name: string) => OPEN_DAY.test(name);
