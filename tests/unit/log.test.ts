import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, REDACTED, scrub } from "@/server/log";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger(stream), output: () => lines.join("") };
}

describe("scrub", () => {
  it("removes email addresses, token parameters, credentials and feed tokens", () => {
    const text =
      "sent to Sam.Rivera+x@example.co.uk via http://localhost:3000/api/auth/callback/email?callbackUrl=%2Fhome&token=abc123&email=sam%40x.test " +
      "and /manage/6c0e?token=s3cr3t; Authorization: Bearer re_live_key; feed /api/calendar/feedtoken123.ics";
    const out = scrub(text);
    for (const secret of ["Sam.Rivera+x@example.co.uk", "abc123", "s3cr3t", "re_live_key", "feedtoken123", "%2Fhome"]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain(REDACTED);
    expect(out).toContain("/manage/6c0e?token=");
  });

  it("keeps only the scheme and host of a private calendar address (the path is the credential)", () => {
    const text =
      "GET https://calendar.google.com/calendar/ical/sam%40gmail.com/private-0a1b2c3d4e/basic.ics failed; " +
      "webcal://p42-caldav.icloud.com/published/2/MTIzNDU2Nzg5 and https://outlook.office365.com/owa/calendar/abc/def/reachcalendar.ics";
    const out = scrub(text);
    for (const secret of ["private-0a1b2c3d4e", "MTIzNDU2Nzg5", "/owa/calendar/abc/def", "sam%40gmail.com"]) expect(out).not.toContain(secret);
    expect(out).toContain(`https://calendar.google.com/${REDACTED}`);
    expect(out).toContain(`webcal://p42-caldav.icloud.com/${REDACTED}`);
  });

  it("leaves ordinary text, and the demo practice's published addresses, alone", () => {
    expect(scrub("Sign in as coach@demo.tend.test")).toBe("Sign in as coach@demo.tend.test");
    expect(scrub("outbox 42 failed on attempt 3 (500, internal_server_error)")).toBe("outbox 42 failed on attempt 3 (500, internal_server_error)");
  });
});

describe("log", () => {
  it("never writes sensitive fields, message text, or error details in the clear", () => {
    const { logger, output } = capture();
    const error = Object.assign(new Error("duplicate key: Key (lower(email))=(alex@example.com) already exists"), {
      detail: "Key (lower(email))=(alex@example.com) already exists.",
    });
    logger.error({ err: error, email: "sam@example.com", note: "We argue every night", context: { token: "tok_1", outboxId: "o-1" } }, "failed for %s", "sam@example.com");
    const written = output();
    for (const secret of ["alex@example.com", "sam@example.com", "We argue every night", "tok_1"]) {
      expect(written).not.toContain(secret);
    }
    const line = JSON.parse(written.trim().split("\n")[0]!);
    expect(line.context.outboxId).toBe("o-1");
    expect(line.err.message).toContain("duplicate key");
    expect(line.msg).toBe(`failed for ${REDACTED}`);
  });
});
