import ical, { type VEvent } from "node-ical";
import { describe, expect, it } from "vitest";
import { buildCalendarFeed, buildInvite, type InviteEvent } from "@/server/scheduling/ics";

// What reaches an .ics file is escaped or cleaned so no value can end its line and start an
// event of its own: the `ics` package handles LF/CRLF in text; ics.ts the rest (bare CR, other
// controls, line breaks and quotes in parameter values such as CN="…").
const INJECTION = "\rEND:VEVENT\rBEGIN:VEVENT\rUID:evil@attacker\rSUMMARY:Free money\rEND:VEVENT\rBEGIN:VEVENT\r";

const event = (overrides: Partial<InviteEvent> = {}): InviteEvent => ({
  method: "REQUEST",
  uid: "b1@tend",
  sequence: 0,
  startIso: "2027-01-08T18:00:00.000Z",
  endIso: "2027-01-08T19:00:00.000Z",
  summary: "One-on-One · Harbor",
  description: "One-on-One with Harbor.",
  location: "12 Oak Street\nPortland",
  url: "http://localhost:3000/manage/b1?token=abc",
  organizer: { name: "Harbor", email: "coach@harbor.test" },
  attendees: [{ name: "Sam Rivera", email: "sam@example.test" }],
  ...overrides,
});

const events = (text: string) => Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === "VEVENT");

describe("iCalendar output", () => {
  it("keeps a hostile description, summary or location inside its own property", () => {
    for (const field of ["description", "summary", "location"] as const) {
      const text = buildInvite(event({ [field]: `Hello${INJECTION}\u0000\u001b\r\nEND:VCALENDAR\nbye` }));
      expect(events(text).map((e) => e.uid), field).toEqual(["b1@tend"]);
      expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u000c\u000e-\u001f]/);
      // Every CR in the file is part of a CRLF line ending.
      expect(text.replace(/\r\n/g, "")).not.toContain("\r");
    }
    const multiLine = events(buildInvite(event({ description: "Line one\r\nLine two\rLine three" })))[0]!;
    expect(multiLine.description).toBe("Line one\nLine two\nLine three");
  });

  it("keeps a hostile attendee or organizer name inside its CN parameter", () => {
    const name = `Sam "The Rock" Rivera";ROLE=CHAIR;X="${INJECTION}\r\nEND:VEVENT`;
    const text = buildInvite(event({ attendees: [{ name, email: "sam@example.test" }], organizer: { name, email: "coach@harbor.test" } }));
    const [parsed, ...more] = events(text);
    expect(more).toHaveLength(0);
    expect(parsed!.uid).toBe("b1@tend");
    const attendee = parsed!.attendee as unknown as { params: { CN: string; ROLE: string }; val: string };
    expect(attendee.params.ROLE).toBe("REQ-PARTICIPANT");
    expect(attendee.params.CN).toMatch(/^Sam 'The Rock' Rivera',ROLE=CHAIR,X='/);
    expect(attendee.val.toLowerCase()).toBe("mailto:sam@example.test");
    expect(text.replace(/\r\n/g, "")).not.toContain("\r");
  });

  it("keeps a feed's events apart", () => {
    const text = buildCalendarFeed(`Harbor${INJECTION}`, [event({ summary: `A${INJECTION}` }), event({ uid: "b2@tend", description: INJECTION })]);
    expect(events(text).map((e) => e.uid)).toEqual(["b1@tend", "b2@tend"]);
  });
});
