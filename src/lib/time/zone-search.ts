// Time zone search for the pickers: a person types a city ("Mumbai"), a country ("India"), an
// abbreviation ("EST") or a zone ("Asia/Kolkata") and gets the zone they mean first.
//
// Which cities and country a zone serves comes from @vvo/tzdb (geonames' most populated cities per
// zone, the country of every zone name, the zones' abbreviations, kept in step with the IANA
// releases): a well-kept data package rather than our own list. Names people read come from Intl
// and are written under today's IANA names (canonicalZone). Pure: the browser loads it when a
// picker first opens.
import { getCountryCode, rawTimeZones } from "@vvo/tzdb";
import { zoneCity, zoneName, zoneOffset } from "./format";
import { canonicalZone, listTimeZones } from "./zones";

export interface ZoneEntry {
  /** The IANA name, as today's database spells it ("Asia/Kolkata"). */
  zone: string;
  /** "Kolkata". */
  city: string;
  /** "India"; "" for zones without a country (UTC, Antarctica's stations). */
  country: string;
  /** "India Standard Time", "Eastern Time". */
  name: string;
  /** "GMT+5:30". */
  offset: string;
  /** Big cities on this zone's clock that aren't in its name ("Mumbai", "Delhi"). */
  cities: string[];
  /** "EST", "EDT", "IST". */
  abbreviations: string[];
  /** Older names of the zone ("Calcutta"). */
  aliases: string[];
}

export interface ZoneMatch {
  entry: ZoneEntry;
  /** The big city the query found when it isn't the zone's own ("Mumbai" for Asia/Kolkata). */
  via?: string;
}

/**
 * Where an abbreviation or a country names many zones, the ones most people mean, in order: EST
 * is New York before Jamaica, "United States" lists the big US clocks first, GMT is London.
 */
const MAJOR_ZONES = [
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Los_Angeles",
  "Europe/London",
  "Asia/Kolkata",
  "Europe/Paris",
  "Europe/Berlin",
  "America/Toronto",
  "Australia/Sydney",
  "America/Phoenix",
  "America/Anchorage",
  "Pacific/Honolulu",
  "America/Vancouver",
  "America/Mexico_City",
  "America/Sao_Paulo",
  "Asia/Tokyo",
  "Asia/Shanghai",
  "Asia/Singapore",
  "Asia/Dubai",
  "Africa/Johannesburg",
  "Australia/Melbourne",
  "Pacific/Auckland",
];
const majorRank = (zone: string) => {
  const at = MAJOR_ZONES.indexOf(zone);
  return at < 0 ? MAJOR_ZONES.length : at;
};

const normalise = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replaceAll("_", " ")
    .replace(/\s+/g, " ")
    .trim();

const lastPart = (zone: string) => (zone.split("/").at(-1) ?? zone).replaceAll("_", " ");

let regionNames: Intl.DisplayNames | undefined;
function countryName(zone: string): string {
  const code = getCountryCode(zone);
  if (!code) return "";
  regionNames ??= new Intl.DisplayNames(["en"], { type: "region" });
  return regionNames.of(code) ?? "";
}

/** The search entries for every zone the runtime knows (UTC first), with names at `at` (summer or winter). */
export function zoneEntries(at: Date = new Date(), zones: string[] = listTimeZones()): ZoneEntry[] {
  const groupOf = new Map<string, (typeof rawTimeZones)[number]>();
  for (const raw of rawTimeZones) for (const member of raw.group) groupOf.set(canonicalZone(member), raw);
  return zones.map((name) => {
    const zone = canonicalZone(name);
    const raw = groupOf.get(zone);
    const city = zoneCity(zone);
    // A group's big cities belong to its main zone only: Detroit shares New York's clock but isn't New York.
    const cities = raw && canonicalZone(raw.name) === zone ? raw.mainCities.filter((c) => normalise(c) !== normalise(city)) : [];
    const abbreviations = raw ? [raw.abbreviation, raw.dstAbbreviation].filter((a): a is string => !!a && /^[A-Z]{2,5}$/.test(a)) : [];
    const aliases = raw
      ? [...new Set(raw.group.filter((g) => g !== zone && canonicalZone(g) === zone).map(lastPart))].filter((a) => normalise(a) !== normalise(city))
      : [];
    return { zone, city, country: countryName(zone), name: zoneName(zone, at), offset: zoneOffset(zone, at), cities, abbreviations, aliases };
  });
}

/** How well `query` names `entry`: lower is better, null when it doesn't. */
function score(entry: ZoneEntry, query: string): { rank: number; via?: string } | null {
  const city = normalise(entry.city);
  const zone = normalise(entry.zone);
  const country = normalise(entry.country);
  const cities = entry.cities.map((c) => [c, normalise(c)] as const);
  if (query === city || query === zone) return { rank: 0 };
  if (entry.abbreviations.some((a) => a.toLowerCase() === query)) return { rank: 1 };
  const bigCity = cities.find(([, c]) => c === query);
  if (bigCity) return { rank: 1, via: bigCity[0] };
  if (entry.aliases.some((a) => normalise(a) === query)) return { rank: 1 };
  if (country === query) return { rank: 2 };
  if (city.startsWith(query)) return { rank: 3 };
  const bigCityPrefix = cities.find(([, c]) => c.startsWith(query));
  if (bigCityPrefix) return { rank: 4, via: bigCityPrefix[0] };
  if (country.startsWith(query) || entry.aliases.some((a) => normalise(a).startsWith(query))) return { rank: 4 };
  const name = normalise(entry.name);
  if (name.startsWith(query) || name.includes(` ${query}`)) return { rank: 5 };
  if (zone.includes(query)) return { rank: 6 };
  // Several words ("new york", "united kingdom", "pacific time"): each must be found somewhere.
  const haystack = normalise([entry.zone, entry.city, entry.country, entry.name, entry.offset, ...entry.cities, ...entry.abbreviations, ...entry.aliases].join(" "));
  const words = query.split(" ");
  if (words.every((word) => haystack.includes(word))) return { rank: 7 };
  return null;
}

/**
 * The zones a query names, best first: a zone's own city or an exact abbreviation, then its big
 * cities, country, city prefixes, its everyday name, then anything that contains every word.
 * Ties go to the zones most people mean (MAJOR_ZONES), then alphabetically by city.
 */
export function searchZones(entries: ZoneEntry[], query: string): ZoneMatch[] {
  const q = normalise(query);
  if (!q) return entries.map((entry) => ({ entry }));
  const found: { entry: ZoneEntry; rank: number; via?: string }[] = [];
  for (const entry of entries) {
    const s = score(entry, q);
    if (s) found.push({ entry, ...s });
  }
  found.sort((a, b) => a.rank - b.rank || majorRank(a.entry.zone) - majorRank(b.entry.zone) || a.entry.city.localeCompare(b.entry.city));
  return found.map(({ entry, via }) => (via ? { entry, via } : { entry }));
}
