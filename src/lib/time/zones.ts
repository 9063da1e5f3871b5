import { z } from "zod";

/** True for names the runtime's time zone database knows, e.g. "Asia/Kolkata". */
export function isValidTimeZone(name: string): boolean {
  if (!name || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .trim()
  .min(1, "Choose a time zone.")
  .refine(isValidTimeZone, "Choose a time zone from the list (for example America/New_York).");

/** The IANA zones offered in pickers, with UTC first. */
export function listTimeZones(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}
