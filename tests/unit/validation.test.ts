import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { safeNextPath } from "@/lib/safe-next";
import { slugify } from "@/lib/slugify";
import { isValidTimeZone } from "@/lib/time/zones";
import { oneLine } from "@emails/_components/booking";
import { emailSchema, moneySchema, multiLineText, nameSchema, singleLineText } from "@/lib/validation";
import { bookForClientFormSchema, bookingFormSchema, bookingRequestSchema, coachChosenStart, createBookingInput } from "@/server/scheduling/schemas";
import { clientFormSchema, clientInput } from "@/server/clients/schemas";
import { offeringFormSchema } from "@/server/offerings/schemas";

describe("input rules", () => {
  it("turns typed prices into cents and refuses negatives, text and fractions of cents", () => {
    expect(moneySchema.parse("150")).toBe(15000);
    expect(moneySchema.parse("$149.99")).toBe(14999);
    expect(moneySchema.parse(0)).toBe(0);
    expect(moneySchema.safeParse("-1").error?.issues[0]?.message).toMatch(/negative/);
    expect(moneySchema.safeParse("abc").success).toBe(false);
    expect(moneySchema.safeParse("1.005").success).toBe(false);
  });

  it("normalises emails and explains bad ones", () => {
    expect(emailSchema.parse("  Sam@Example.COM ")).toBe("sam@example.com");
    expect(emailSchema.safeParse("sam@").error?.issues[0]?.message).toMatch(/valid email/);
    expect(emailSchema.safeParse("").error?.issues[0]?.message).toMatch(/Enter an email/);
  });

  it("knows IANA zones", () => {
    expect(isValidTimeZone("Asia/Kolkata")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });

  it("suggests web addresses from names", () => {
    expect(slugify("Wayne's Coaching, LLC")).toBe("waynes-coaching-llc");
    expect(slugify("  Ça va — Zoë  ")).toBe("ca-va-zoe");
  });

  it("only follows same-site paths after sign-in", () => {
    expect(safeNextPath("/coach/offerings")).toBe("/coach/offerings");
    expect(safeNextPath("https://evil.example")).toBe("");
    expect(safeNextPath("//evil.example")).toBe("");
    expect(safeNextPath("/\\evil.example")).toBe("");
  });

  it("reports every bad offering field at once", () => {
    const result = offeringFormSchema.safeParse({ kind: "x", name: "", slug: "A B", durationMinutes: "0", price: "-2", format: "in_person" });
    expect(Object.keys(result.error!.flatten().fieldErrors).sort()).toEqual(["durationMinutes", "kind", "location", "name", "price", "slug"]);
  });
});

describe("text that could break out of its field", () => {
  const controls = ["\r", "\n", "\r\n", "\u0000", "\t", "\u0007", "\u001b", "\u007f", "\u0085", "\u2028"];

  it("refuses control characters inside single-line fields, with a field message", () => {
    const name = nameSchema("name");
    const label = singleLineText("label", 120, "Busy");
    for (const c of controls) {
      expect(name.safeParse(`Sam${c}Rivera`).error?.issues[0]?.message, JSON.stringify(c)).toBe(
        "Keep the name on one line, without line breaks or other control characters.",
      );
      expect(label.safeParse(`Lunch${c}break`).success, JSON.stringify(c)).toBe(false);
      expect(emailSchema.safeParse(`sam${c}@example.com`).success, JSON.stringify(c)).toBe(false);
    }
    // Whitespace around the value is trimmed, as before; ordinary text passes.
    expect(name.parse("  Sam “Sammy” O'Neil-Ruiz, Jr.\r\n")).toBe("Sam “Sammy” O'Neil-Ruiz, Jr.");
    expect(label.parse("")).toBe("Busy");
  });

  it("keeps line breaks and tabs in multi-line text and drops every other control character", () => {
    const note = multiLineText(2000, "too long");
    expect(note.parse("One\r\nTwo\rThree\n\tFour\u2028Five")).toBe("One\nTwo\nThree\n\tFour\nFive");
    expect(note.parse("a\u0000b\u001bc\u007fd\u0085e")).toBe("abcde");
    expect(note.parse("   ")).toBeNull();
    expect(note.parse(undefined)).toBeNull();
    expect(note.safeParse("x".repeat(2001)).error?.issues[0]?.message).toBe("too long");
  });

  it("applies to what a booker sends: names refused, the note kept as text", () => {
    const base = { offering: "one-on-one", start: "2027-01-08T18:00:00Z", name: "Sam", email: "sam@example.test", timeZone: "UTC" };
    const bad = bookingRequestSchema.safeParse({ ...base, name: "Sam\r\nEND:VEVENT", partner: { name: "Al\nX", email: "al@example.test" } });
    expect(bad.error?.issues.map((i) => i.path.join(".")).sort()).toEqual(["name", "partner.name"]);
    expect(bookingRequestSchema.parse({ ...base, note: "Hi\r\nEND:VEVENT\u0000" }).note).toBe("Hi\nEND:VEVENT");
  });

  it("writes email subjects on one line", () => {
    expect(oneLine("New booking: Sam\r\nBcc: x@example.com\u0000 \u0085here")).toBe("New booking: Sam Bcc: x@example.com here");
  });
});

describe("booking forms, parsed at the edge into what createBooking takes", () => {
  const page = { practice: "demo", offering: "couples", start: "2027-01-08T18:00:00Z", name: "Sam", email: "Sam@Example.test", timeZone: "UTC" };

  it("turns the booking page's text into typed values, the flat partner fields into a partner", () => {
    const parsed = bookingFormSchema.parse({ ...page, partnerName: "Alex", partnerEmail: "alex@example.test" });
    expect(parsed).toMatchObject({ practice: "demo", start: new Date("2027-01-08T18:00:00Z"), email: "sam@example.test", partner: { name: "Alex", email: "alex@example.test" } });
    expect(bookingFormSchema.parse({ ...page, partnerName: " ", partnerEmail: "" }).partner).toBeUndefined();
    // What the form produced is what the domain accepts.
    expect(createBookingInput.safeParse(parsed).success).toBe(true);
  });

  it("names the request's fields in its errors, and a missing time reads as not chosen", () => {
    const bad = bookingFormSchema.safeParse({ ...page, start: undefined, timeZone: undefined, partnerName: "Alex", partnerEmail: "nope" });
    expect(Object.fromEntries(bad.error!.issues.map((i) => [i.path.join("."), i.message]))).toEqual({
      start: "Choose a time.",
      timeZone: "Choose a time zone.",
      "partner.email": "Enter a valid email address, like name@example.com.",
    });
    expect(bookingFormSchema.safeParse({ ...page, start: "tomorrow" }).error?.issues[0]?.path).toEqual(["start"]);
  });

  it("parses the coach's form: the time here, the name and email later (an existing client brings their own)", () => {
    const parsed = bookForClientFormSchema.parse({ offering: "couples", start: "2027-01-08T18:00:00Z", clientId: "c-1", "partner.name": "Alex", "partner.email": "a@x.test" });
    expect(parsed).toMatchObject({ start: "2027-01-08T18:00:00Z", clientId: "c-1", name: "", partner: { name: "Alex", email: "a@x.test" } });
    // The time is read once the practice's zone is known (the coach may type one outside the listed times).
    expect(coachChosenStart(parsed, "America/Los_Angeles")).toEqual(new Date("2027-01-08T18:00:00Z"));
    expect(coachChosenStart({ start: "other", date: "2027-01-08", otherTime: "19:30" }, "America/Los_Angeles")).toEqual(new Date("2027-01-09T03:30:00Z"));
    // Nothing chosen: left to the domain, which says "Choose a time."; a garbled one is a field message here.
    expect(coachChosenStart(bookForClientFormSchema.parse({ offering: "couples", start: "" }), "UTC")).toBeUndefined();
    expect(() => coachChosenStart({ start: "tomorrow" }, "UTC")).toThrow(expect.objectContaining({ fieldErrors: { start: ["Choose one of the times."] } }));
  });

  it("keeps the domain strict: form-shaped text is not a Date, a ticked box is not a boolean", () => {
    expect(createBookingInput.safeParse({ ...page, start: "2027-01-08T18:00:00Z" }).error?.issues[0]?.path).toEqual(["start"]);
    const client = { name: "Sam", email: "sam@example.test", timeZone: "UTC" };
    expect(clientFormSchema.parse({ ...client, notifyClient: "on" }).notifyClient).toBe(true);
    expect(clientFormSchema.parse(client).notifyClient).toBe(false);
    expect(clientInput.safeParse({ ...client, notifyClient: "on" }).success).toBe(false);
  });
});

describe("offering scheduling fields", () => {
  const base = { kind: "crisis", name: "Crisis", slug: "crisis", durationMinutes: "60", price: "1" };
  it("keeps a missing cap, clears a blank one, and explains a bad one", () => {
    expect(offeringFormSchema.parse(base).maxPerDay).toBeUndefined();
    expect(offeringFormSchema.parse({ ...base, maxPerDay: "" }).maxPerDay).toBeNull();
    expect(offeringFormSchema.parse({ ...base, maxPerDay: "3" }).maxPerDay).toBe(3);
    expect(offeringFormSchema.safeParse({ ...base, maxPerDay: "99" }).error?.issues[0]?.message).toMatch(/at most 50/);
    expect(offeringFormSchema.safeParse({ ...base, maxPerDay: "x" }).error?.issues[0]?.message).toMatch(/whole number/);
    // Non-nullable rules: blank means "not given", never zero.
    expect(offeringFormSchema.parse({ ...base, minimumNoticeHours: "" }).minimumNoticeHours).toBeUndefined();
  });
});

describe("environment", () => {
  it("has working defaults for an empty environment", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PGLITE_DIR: ".data/pglite", APP_URL: "http://localhost:3000", TEND_SEED_DEMO: true, DISPATCH_INTERVAL_SECONDS: 10 });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnv({ APP_URL: "not a url", DISPATCH_INTERVAL_SECONDS: "-3" })).toThrow(/APP_URL[\s\S]*DISPATCH_INTERVAL_SECONDS/);
    expect(() => parseEnv({ TEND_TEST_CLOCK: "tomorrow" })).toThrow(/TEND_TEST_CLOCK/);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", RESEND_API_KEY: "" })).toMatchObject({ DATABASE_URL: undefined, RESEND_API_KEY: undefined });
  });
});
