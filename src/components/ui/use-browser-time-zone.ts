"use client";

import { useSyncExternalStore } from "react";
import { canonicalZone, isValidTimeZone } from "@/lib/time/zones";

const noSubscription = () => () => {};

function browserZone(): string | null {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isValidTimeZone(zone) ? canonicalZone(zone) : null;
}

/**
 * The visitor's IANA zone as their device reports it; null while rendering on
 * the server (which can't know it), so nothing shows a wrong time first.
 */
export function useBrowserTimeZone(): string | null {
  return useSyncExternalStore(noSubscription, browserZone, () => null);
}
