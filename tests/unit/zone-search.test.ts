import { describe, expect, it } from "vitest";
import { searchZones, zoneEntries } from "@/lib/time/zone-search";
import { canonicalZone, listTimeZones } from "@/lib/time/zones";
import { describeZone, timeZoneLabel, zoneCity } from "@/lib/time/format";
import { timeZoneSchema } from "@/lib/validation";

// Names at a fixed instant (winter in the north), so the test reads the same in any TZ and season.
const entries = zoneEntries(new Date("2027-01-15T12:00:00Z"));
const top = (query: string, n = 1) => searchZones(entries, query).slice(0, n).map((m) => m.entry.zone);

describe("time zone search", () => {
  it("finds big cities that aren't in any zone's name, and says which city matched", () => {
    expect(top("Delhi")).toEqual(["Asia/Kolkata"]);
    expect(top("Mumbai")).toEqual(["Asia/Kolkata"]);
    expect(searchZones(entries, "mumbai")[0]).toMatchObject({ via: "Mumbai" });
    expect(top("Brooklyn")).toEqual(["America/New_York"]);
  });

  it("finds a country's zone, biggest clocks first for a country with many", () => {
    expect(top("India")).toEqual(["Asia/Kolkata"]);
    expect(top("united states", 4)).toEqual(["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"]);
    expect(top("Germany")).toEqual(["Europe/Berlin"]);
  });

  it("finds abbreviations, the zone most people mean first", () => {
    expect(top("EST")).toEqual(["America/New_York"]);
    expect(top("PST")).toEqual(["America/Los_Angeles"]);
    expect(top("IST")).toEqual(["Asia/Kolkata"]);
    expect(top("GMT")).toEqual(["Europe/London"]);
  });

  it("ranks a zone's own city above partial matches elsewhere", () => {
    expect(top("London")).toEqual(["Europe/London"]);
    expect(top("Sydney")).toEqual(["Australia/Sydney"]);
    expect(top("Detroit")).toEqual(["America/Detroit"]);
    expect(top("kolk")).toEqual(["Asia/Kolkata"]);
    expect(top("new york")).toEqual(["America/New_York"]);
    expect(top("Asia/Kolkata")).toEqual(["Asia/Kolkata"]);
  });

  it("finds old names and accents, and lists zones under today's names", () => {
    expect(top("Calcutta")).toEqual(["Asia/Kolkata"]);
    expect(top("Kiev")).toEqual(["Europe/Kyiv"]);
    expect(top("São Paulo")).toEqual(["America/Sao_Paulo"]);
    const zones = entries.map((e) => e.zone);
    expect(zones).toContain("Asia/Kolkata");
    expect(zones).toContain("Europe/Kyiv");
    expect(zones).not.toContain("Asia/Calcutta");
    expect(zones).not.toContain("Europe/Kiev");
    expect(zones[0]).toBe("UTC");
    expect(new Set(zones).size).toBe(zones.length);
  });

  it("matches nothing for nonsense, everything for an empty query", () => {
    expect(searchZones(entries, "zzqx")).toEqual([]);
    expect(searchZones(entries, "  ")).toHaveLength(entries.length);
  });

  it("describes a zone with its country and big cities", () => {
    expect(entries.find((e) => e.zone === "Asia/Kolkata")).toMatchObject({
      city: "Kolkata",
      country: "India",
      cities: expect.arrayContaining(["Mumbai", "Delhi"]),
      abbreviations: ["IST"],
    });
  });
});

describe("canonical zone names", () => {
  it("maps the runtime's old ids to today's IANA names and leaves others alone", () => {
    expect(canonicalZone("Asia/Calcutta")).toBe("Asia/Kolkata");
    expect(canonicalZone("Europe/Kiev")).toBe("Europe/Kyiv");
    expect(canonicalZone("America/Buenos_Aires")).toBe("America/Argentina/Buenos_Aires");
    expect(canonicalZone("Etc/UTC")).toBe("UTC");
    expect(canonicalZone("America/New_York")).toBe("America/New_York");
    expect(canonicalZone("Not/AZone")).toBe("Not/AZone");
  });

  it("shows today's names in labels and stores them from forms", () => {
    expect(timeZoneLabel("Asia/Calcutta")).toBe("Asia/Kolkata");
    expect(zoneCity("Europe/Kiev")).toBe("Kyiv");
    expect(describeZone("Asia/Calcutta", new Date("2027-01-15T12:00:00Z"))).toBe("India Standard Time (Kolkata)");
    expect(timeZoneSchema.parse("Asia/Calcutta")).toBe("Asia/Kolkata");
    expect(listTimeZones()).toContain("Europe/Kyiv");
    expect(listTimeZones()).not.toContain("Europe/Kiev");
  });
});
