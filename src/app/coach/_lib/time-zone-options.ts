import "server-only";
import { timeZoneLabel } from "@/lib/time/format";
import { listTimeZones } from "@/lib/time/zones";

/** The picker's options, always including the zone already saved (even a legacy alias). */
export function timeZoneOptions(current?: string) {
  const zones = listTimeZones();
  const all = current && !zones.includes(current) ? [current, ...zones] : zones;
  return all.map((zone) => ({ value: zone, label: timeZoneLabel(zone) }));
}
