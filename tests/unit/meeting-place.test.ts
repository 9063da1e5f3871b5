import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  base32,
  joinState,
  locationJson,
  locationLine,
  meetingPlaceOf,
  parseWebUrl,
  roomName,
  ROOM_RANDOM_BYTES,
  telUrl,
  videoRoomUrl,
} from "@/lib/scheduling/meeting-place";
import type { SessionStatus } from "@/lib/scheduling/status";

describe("room names", () => {
  it("encodes bytes as RFC 4648 base32, lowercase and unpadded", () => {
    // RFC 4648 test vectors.
    const vectors: [string, string][] = [
      ["", ""],
      ["f", "my"],
      ["fo", "mzxq"],
      ["foo", "mzxw6"],
      ["foob", "mzxw6yq"],
      ["fooba", "mzxw6ytb"],
      ["foobar", "mzxw6ytboi"],
    ];
    for (const [input, output] of vectors) expect(base32(new TextEncoder().encode(input))).toBe(output);
  });

  it("carries at least 128 bits, in URL-safe characters, and refuses less", () => {
    expect(ROOM_RANDOM_BYTES * 8).toBeGreaterThanOrEqual(128);
    const name = roomName(randomBytes(ROOM_RANDOM_BYTES));
    expect(name).toMatch(/^Tend-[a-z2-7]{32}$/);
    expect(encodeURIComponent(name)).toBe(name);
    expect(() => roomName(new Uint8Array(15))).toThrow(/128 bits/);
    const names = new Set(Array.from({ length: 1000 }, () => roomName(randomBytes(ROOM_RANDOM_BYTES))));
    expect(names.size).toBe(1000);
  });

  it("puts the room under the practice's server, however its address ends", () => {
    const bytes = new Uint8Array(20);
    expect(videoRoomUrl("https://meet.jit.si", bytes)).toBe(`https://meet.jit.si/Tend-${"a".repeat(32)}`);
    expect(videoRoomUrl("https://jitsi.example.org/rooms//", bytes)).toBe(`https://jitsi.example.org/rooms/Tend-${"a".repeat(32)}`);
  });
});

describe("addresses", () => {
  it("accepts http(s) addresses with a host and nothing else", () => {
    expect(parseWebUrl("https://zoom.us/j/1?pwd=x")?.href).toBe("https://zoom.us/j/1?pwd=x");
    expect(parseWebUrl(" http://localhost:8000/room ")).not.toBeNull();
    for (const bad of ["javascript:alert(1)", "ftp://x.org", "zoom.us/j/1", "https://u:p@x.org", "", null, "mailto:a@b.c"]) expect(parseWebUrl(bad)).toBeNull();
  });

  it("makes a tel: link of a number, and none of words", () => {
    expect(telUrl("+1 (555) 010-0100")).toBe("tel:+15550100100");
    expect(telUrl("020 7946 0958")).toBe("tel:02079460958");
    expect(telUrl("I'll call you")).toBeNull();
    expect(telUrl("12")).toBeNull();
    expect(telUrl(null)).toBeNull();
  });
});

describe("meetingPlaceOf", () => {
  const room = "https://meet.jit.si/Tend-abc";
  const booking = (status: SessionStatus = "confirmed", videoUrlOverride: string | null = null) => ({ status, videoUrl: room, videoUrlOverride });
  const automatic = { format: "video" as const, videoLink: "automatic" as const, location: null };

  it("gives the booking's own room for automatic links, the coach's link for a fixed one", () => {
    expect(meetingPlaceOf(automatic, booking())).toEqual({ kind: "video", url: room });
    expect(meetingPlaceOf({ format: "video", videoLink: "fixed", location: " https://zoom.us/j/1 " }, booking())).toEqual({ kind: "video", url: "https://zoom.us/j/1" });
    // Older offerings' text that isn't a link is said, not linked.
    expect(meetingPlaceOf({ format: "video", videoLink: "fixed", location: "Link by email" }, booking())).toEqual({ kind: "video", details: "Link by email" });
  });

  it("lets the session's own link win over the offering, whatever its format", () => {
    expect(meetingPlaceOf(automatic, booking("confirmed", "https://zoom.us/j/9"))).toEqual({ kind: "video", url: "https://zoom.us/j/9", overridden: true });
    expect(meetingPlaceOf({ format: "in_person", videoLink: "automatic", location: "Office" }, booking("confirmed", "https://zoom.us/j/9")).kind).toBe("video");
  });

  it("shapes phone and in-person places", () => {
    expect(meetingPlaceOf({ format: "phone", videoLink: "automatic", location: "+1 555 010 0100" }, booking())).toEqual({
      kind: "phone",
      url: "tel:+15550100100",
      details: "+1 555 010 0100",
    });
    expect(meetingPlaceOf({ format: "phone", videoLink: "automatic", location: null }, booking())).toEqual({ kind: "phone" });
    expect(meetingPlaceOf({ format: "in_person", videoLink: "automatic", location: "12 Harbor St" }, booking())).toEqual({ kind: "in_person", address: "12 Harbor St" });
  });

  it("gives no way in once canceled or expired, nor while unpaid; an address stays", () => {
    for (const status of ["canceled", "late_canceled", "expired", "pending_payment"] as const) {
      expect(meetingPlaceOf(automatic, booking(status))).toEqual({ kind: "video", closed: true });
      expect(meetingPlaceOf(automatic, booking(status, "https://zoom.us/j/9"))).toEqual({ kind: "video", overridden: true, closed: true });
      expect(meetingPlaceOf({ format: "phone", videoLink: "automatic", location: "+1 555 010 0100" }, booking(status)).url).toBeUndefined();
      expect(meetingPlaceOf({ format: "in_person", videoLink: "automatic", location: "12 Harbor St" }, booking(status)).address).toBe("12 Harbor St");
    }
    for (const status of ["confirmed", "completed", "no_show"] as const) expect(meetingPlaceOf(automatic, booking(status)).url).toBe(room);
  });

  it("writes the API's exact shape and the calendar's LOCATION", () => {
    expect(locationJson({ kind: "video", url: room, overridden: true })).toEqual({ kind: "video", url: room });
    expect(locationJson({ kind: "phone", details: "I call you" })).toEqual({ kind: "phone" });
    expect(locationJson({ kind: "in_person", address: "12 Harbor St", closed: true })).toEqual({ kind: "in_person", address: "12 Harbor St" });
    expect(locationLine({ kind: "video", url: room })).toBe(room);
    expect(locationLine({ kind: "video", closed: true })).toBeNull();
    expect(locationLine({ kind: "phone", details: "+1 555 010 0100" })).toBe("Phone: +1 555 010 0100");
    expect(locationLine({ kind: "phone" })).toBe("Phone call");
    expect(locationLine({ kind: "in_person", address: "12 Harbor St" })).toBe("12 Harbor St");
  });
});

describe("joinState", () => {
  const start = "2027-01-08T18:00:00.000Z";
  const end = "2027-01-08T19:00:00.000Z";
  const at = (iso: string) => Date.parse(iso);
  it("opens 10 minutes before the start and closes at the end", () => {
    expect(joinState(start, end, at("2027-01-08T17:49:59.999Z"))).toBe("early");
    expect(joinState(start, end, at("2027-01-08T17:50:00.000Z"))).toBe("open");
    expect(joinState(start, end, at("2027-01-08T18:30:00.000Z"))).toBe("open");
    expect(joinState(start, end, at("2027-01-08T18:59:59.999Z"))).toBe("open");
    expect(joinState(start, end, at("2027-01-08T19:00:00.000Z"))).toBe("over");
  });
});
