"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { isValidTimeZone } from "@/lib/time/zones";
import type { SlotTime } from "./slot-days";

/**
 * The booking page's steps as addresses, so the browser's Back and Forward move between them:
 * step 1 is the page itself, step 2 the same page with the chosen time in the query
 * (`?start=2027-01-08T18:00:00.000Z&zone=America/New_York`). A link to step 2 opens it. Moving
 * between steps uses the History API, which Next's router follows without asking the server.
 */
export function useBookingStep(durationMinutes: number) {
  const params = useSearchParams();
  const pathname = usePathname();
  const start = parseStart(params.get("start"));
  const zoneParam = params.get("zone");
  const zone = zoneParam && isValidTimeZone(zoneParam) ? zoneParam : null;
  const slot: SlotTime | null = start ? { start: start.toISOString(), end: new Date(start.getTime() + durationMinutes * 60_000).toISOString() } : null;
  // Whether step 2 was reached from step 1 on this page, so "Change time" can be the browser's Back.
  const pushed = useRef(false);

  const choose = useCallback(
    (next: SlotTime, timeZone: string) => {
      const query = new URLSearchParams({ start: next.start, zone: timeZone });
      window.history.pushState(null, "", `${pathname}?${query.toString()}`);
      pushed.current = true;
    },
    [pathname],
  );

  /** Back to the times: the browser's Back when step 2 came from step 1, else a replace (no stray history). */
  const backToTimes = useCallback(
    ({ replace = false } = {}) => {
      if (pushed.current && !replace) window.history.back();
      else window.history.replaceState(null, "", pathname);
      pushed.current = false;
    },
    [pathname],
  );

  return { slot, zone, choose, backToTimes };
}

function parseStart(value: string | null): Date | null {
  if (!value || value.length > 40 || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Form details kept in sessionStorage under `key`, so what was typed survives Back, Forward, a
 * reload and a detour to step 1 (and goes when the tab closes). `clear` after booking.
 */
export function useSavedDetails<T extends object>(key: string, empty: T): [T, React.Dispatch<React.SetStateAction<T>>, () => void] {
  const [value, setValue] = useState<T>(empty);
  const loaded = useRef(false);

  useEffect(() => {
    try {
      const saved = window.sessionStorage.getItem(key);
      // eslint-disable-next-line react-hooks/set-state-in-effect -- sessionStorage is only readable after hydration
      if (saved) setValue({ ...empty, ...(JSON.parse(saved) as Partial<T>) });
    } catch {
      // Storage off (private mode) or unreadable: start empty.
    }
    loaded.current = true;
    // `empty` is the caller's constant; reading it once is the point.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  useEffect(() => {
    if (!loaded.current) return;
    try {
      window.sessionStorage.setItem(key, JSON.stringify(value));
    } catch {
      // Full or off: the form still works, it just won't survive a reload.
    }
  }, [key, value]);

  const clear = useCallback(() => {
    try {
      window.sessionStorage.removeItem(key);
    } catch {
      // Nothing to clear.
    }
  }, [key]);

  return [value, setValue, clear];
}
