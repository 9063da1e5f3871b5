"use client";

import { useCallback, useState } from "react";
import { useBrowserTimeZone } from "@/components/ui/use-browser-time-zone";
import type { ServerAction } from "@/lib/action-result";
import type { SlotMonth } from "./slot-days";
import type { LoadSlots } from "./slot-picker";

/**
 * The zone a booker sees times in: the one they picked, else their device's. Null while
 * rendering on the server (which can't know it), so nothing shows a wrong time first.
 */
export function useBookerTimeZone(initial?: string | null): [timeZone: string | null, choose: (zone: string) => void] {
  const detected = useBrowserTimeZone();
  // A signed-in client's own zone (from their record) wins over the browser's guess.
  const [chosen, setChosen] = useState<string | null>(initial ?? null);
  return [chosen ?? detected, setChosen];
}

/**
 * The slot picker's loader: a server action asked for one month, with `identity` (the offering,
 * or the booking being moved) added to each query. `identity` may be a fresh object on every
 * render; only its values make a new loader (and so a refetch).
 */
export function useSlotLoader(action: ServerAction<SlotMonth, Record<string, unknown>>, identity: Record<string, string>): LoadSlots {
  const key = JSON.stringify(identity);
  return useCallback((query) => action(null, { ...(JSON.parse(key) as Record<string, string>), ...query }), [action, key]);
}
