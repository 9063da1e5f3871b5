import { describe, expect, it } from "vitest";
import { addDays, addMonths, lastDayOfMonth, mondayOf, monthOf, weekdayOf } from "@/lib/time/dates";

// Every expectation names its zone: the suite runs under TZ=UTC, America/Los_Angeles and Asia/Kolkata.

describe("calendar dates", () => {
  it("counts weekdays the ISO way, as the database stores them: Monday 1 … Sunday 7", () => {
    // 2026-03-09 is a Monday.
    expect(["2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13", "2026-03-14", "2026-03-15"].map(weekdayOf)).toEqual([
      1, 2, 3, 4, 5, 6, 7,
    ]);
  });

  it("moves by calendar days across month, year and DST boundaries", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2026-03-08", 1)).toBe("2026-03-09"); // spring forward in the US: still one date
    expect(addDays("2026-11-01", -1)).toBe("2026-10-31");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-09", -14)).toBe("2026-02-23");
  });

  it("refuses a date that isn't on the calendar", () => {
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
    expect(() => weekdayOf("tomorrow")).toThrow(RangeError);
  });

  it("finds the Monday of a week, Sunday belonging to the week before", () => {
    expect(mondayOf("2026-03-09")).toBe("2026-03-09");
    expect(mondayOf("2026-03-12")).toBe("2026-03-09");
    expect(mondayOf("2026-03-15")).toBe("2026-03-09");
    expect(mondayOf("2026-03-16")).toBe("2026-03-16");
    expect(mondayOf("2027-01-01")).toBe("2026-12-28");
  });

  it("works with months", () => {
    expect(monthOf("2026-03-09")).toBe("2026-03");
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2026-03", 11)).toBe("2027-02");
    expect(lastDayOfMonth("2026-02")).toBe("2026-02-28");
    expect(lastDayOfMonth("2028-02")).toBe("2028-02-29");
    expect(lastDayOfMonth("2026-12")).toBe("2026-12-31");
  });
});
