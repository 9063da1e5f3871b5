// Where a session meets: in person, by phone, or on a video call (the coach's own link, or a
// private Jitsi room made for each booking). Pure: the server passes the random bytes and "now",
// so pages, emails, the .ics, the public API and the browser all shape a place the same way.
import type { OfferingFormat } from "@/lib/offerings";
import type { SessionStatus } from "./status";

/** How a video offering gets its link: a new room per booking, or the coach's own room. */
export const VIDEO_LINK_MODES = ["automatic", "fixed"] as const;
type VideoLinkMode = (typeof VIDEO_LINK_MODES)[number];

/** Public Jitsi Meet: rooms need no account; a practice may set its own server instead. */
export const DEFAULT_VIDEO_BASE_URL = "https://meet.jit.si";

/** At least 128 bits of randomness in a room name; 20 bytes give 160. */
export const ROOM_RANDOM_BYTES = 20;

/** "Join" shows this long before the start, until the end. */
export const JOIN_OPENS_MINUTES = 10;

const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

/** RFC 4648 base32, lowercase, no padding: URL-safe and easy to read aloud. */
export function base32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * A room name nobody can guess: "Tend-" and the random bytes in base32
 * (Jitsi lowercases room names, so only case-free characters carry entropy).
 */
export function roomName(random: Uint8Array): string {
  if (random.length < 16) throw new Error("A room name needs at least 128 bits of randomness.");
  return `Tend-${base32(random)}`;
}

/** The session's own room under the practice's Jitsi server ("https://meet.jit.si/Tend-…"). */
export function videoRoomUrl(baseUrl: string, random: Uint8Array): string {
  return `${baseUrl.replace(/\/+$/, "")}/${roomName(random)}`;
}

/** An absolute http(s) address with a host and no credentials, or null. */
export function parseWebUrl(value: string | null | undefined): URL | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || !url.hostname || url.username || url.password) return null;
  return url;
}

export const isWebUrl = (value: string | null | undefined): value is string => parseWebUrl(value) !== null;

/**
 * A `tel:` address for a number someone typed ("+1 (555) 010-0100" →
 * "tel:+15550100100"), or null when the text isn't a phone number
 * ("I'll call you").
 */
export function telUrl(text: string | null | undefined): string | null {
  if (!text || !/^\+?[\d\s().\-/]{6,}$/.test(text.trim())) return null;
  const digits = text.replace(/[^\d+]/g, "");
  const plain = digits.startsWith("+") ? `+${digits.slice(1).replace(/\+/g, "")}` : digits.replace(/\+/g, "");
  return plain.replace(/\D/g, "").length >= 6 ? `tel:${plain}` : null;
}

/**
 * Where one session meets, as the public API writes it (`booking.location`):
 * - video: `url` is the join link (absent when there is none to give);
 * - phone: `url` is a `tel:` link when the offering names a number to call,
 *   absent when the coach calls the client;
 * - in person: `address`.
 */
export type MeetingLocation = { kind: OfferingFormat; url?: string; address?: string };

/** The location with what the pages and emails say about it. */
export type MeetingPlace = MeetingLocation & {
  /** What the offering says, as typed: the number to call, or a coach's text that isn't a link. */
  details?: string;
  /** The join link is the coach's choice for this one session. */
  overridden?: boolean;
  /** Canceled or never confirmed: there is no way in, and pages say so by giving none. */
  closed?: boolean;
};

type OfferingPlace = { format: OfferingFormat; videoLink: VideoLinkMode; location: string | null };
type BookingPlace = { status: SessionStatus; videoUrl: string | null; videoUrlOverride: string | null };

/**
 * Statuses that give no way in: canceled, never confirmed, or not confirmed
 * yet (a paid booking's time is held while the booker pays; the link comes
 * with the confirmation, so an unpaid hold can't be joined).
 */
const NO_WAY_IN: readonly SessionStatus[] = ["canceled", "late_canceled", "expired", "pending_payment"];

/**
 * The meeting place of one booking. The coach's override for the session
 * wins (it makes the session a video call at that link); otherwise the
 * offering decides: an automatic room (made when the booking was created),
 * the coach's own link, a phone number, or an address. A canceled, expired or
 * still unpaid booking has no join link (nor a number to call); an address stays.
 */
export function meetingPlaceOf(offering: OfferingPlace, booking: BookingPlace): MeetingPlace {
  const open = !NO_WAY_IN.includes(booking.status);
  const place = placeOf(offering, booking, open);
  return open ? place : { ...place, closed: true };
}

function placeOf(offering: OfferingPlace, booking: BookingPlace, open: boolean): MeetingPlace {
  const text = offering.location?.trim() || undefined;
  if (booking.videoUrlOverride) {
    return { kind: "video", ...(open ? { url: booking.videoUrlOverride } : {}), overridden: true };
  }
  switch (offering.format) {
    case "in_person":
      return { kind: "in_person", ...(text ? { address: text } : {}) };
    case "phone": {
      const tel = telUrl(text);
      return { kind: "phone", ...(open && tel ? { url: tel } : {}), ...(text ? { details: text } : {}) };
    }
    case "video": {
      if (offering.videoLink === "automatic") return { kind: "video", ...(open && booking.videoUrl ? { url: booking.videoUrl } : {}) };
      const link = isWebUrl(text) ? text : undefined;
      return { kind: "video", ...(open && link ? { url: link } : {}), ...(text && !link ? { details: text } : {}) };
    }
  }
}

/** The public API's `booking.location`: exactly `{ kind, url?, address? }`. */
export function locationJson(place: MeetingPlace): MeetingLocation {
  return { kind: place.kind, ...(place.url ? { url: place.url } : {}), ...(place.address ? { address: place.address } : {}) };
}

/** The one line a calendar's LOCATION holds: the join link, the address, or the number. */
export function locationLine(place: MeetingPlace): string | null {
  if (place.kind === "video") return place.url ?? place.details ?? null;
  if (place.kind === "phone") return place.details ? `Phone: ${place.details}` : "Phone call";
  return place.address ?? null;
}

/**
 * The link "Join" opens: a confirmed video session's. None while payment is pending (the time is
 * held, not booked), nor for a closed session, a phone call or a meeting in person.
 */
export function joinUrlOf(place: MeetingPlace, status: SessionStatus): string | undefined {
  return place.kind === "video" && status === "confirmed" ? place.url : undefined;
}

export type JoinState = "early" | "open" | "over";

/**
 * Whether "Join" is on: from JOIN_OPENS_MINUTES before the start until the
 * end; "early" before that, "over" after.
 */
export function joinState(startIso: string, endIso: string, nowMs: number): JoinState {
  if (nowMs >= Date.parse(endIso)) return "over";
  return nowMs >= Date.parse(startIso) - JOIN_OPENS_MINUTES * 60_000 ? "open" : "early";
}
