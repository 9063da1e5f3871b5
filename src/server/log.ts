import "server-only";
import pino, { type DestinationStream, type Logger } from "pino";

/**
 * The one logger for server code: `log.error({ err }, "what failed")`.
 * Never `console.*` on a server path.
 *
 * Logs leave the machine (hosting dashboards, log drains), so nothing that
 * would let a reader act as someone, or learn about a client, may be in
 * them: sign-in and manage-link tokens, secrets, email addresses, notes.
 * Two layers keep it so:
 * - fields with those names are replaced wholesale (SENSITIVE_KEYS), so
 *   `log.info({ email }, …)` is safe by construction;
 * - every string that is written (messages, error messages and stacks,
 *   database error details) is scrubbed of email addresses, token-bearing
 *   URL parameters and Bearer credentials, because an exception's text is
 *   not ours to choose (Postgres puts the offending value in `detail`).
 */

export const REDACTED = "[redacted]";

const SENSITIVE_KEYS = [
  "email",
  "to",
  "recipient",
  "from",
  "token",
  "url",
  "note",
  "notes",
  "reason",
  "name",
  "phone",
  "password",
  "secret",
  "authorization",
  "cookie",
  "data",
  "text",
  "html",
];

// The demo practice's addresses are printed in the README; the start-up hint may name them.
const PUBLIC_DEMO_DOMAIN = "@demo.tend.test";
const EMAIL = /[A-Z0-9._%+'-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)+/gi;
// Query parameters that carry a credential (Auth.js's `token`, manage links' `token`, callback `code`s, …).
const SECRET_PARAM = /([?&;](?:token|code|secret|key|signature|sig|callbackUrl)=)[^&\s"'<>]+/gi;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
// Path segments such as /api/calendar/<feed token>.ics.
const FEED_TOKEN = /(\/api\/calendar\/)[^/\s"'?]+/gi;

// A calendar's private iCal address (Google's /ical/…/private-…, iCloud's /published/…, any ….ics):
// the whole path and query are the credential, so only the scheme and host stay.
const ICAL_ADDRESS = /\b((?:https?|webcals?):\/\/[^/\s"'<>]+)\/[^\s"'<>]*(?:ical\/|published\/|private-|\.ics\b)[^\s"'<>]*/gi;

/** Removes credentials and personal data from a piece of text bound for a log. */
export function scrub(text: string): string {
  return text
    .replace(ICAL_ADDRESS, `$1/${REDACTED}`)
    .replace(SECRET_PARAM, `$1${REDACTED}`)
    .replace(BEARER, `$1 ${REDACTED}`)
    .replace(FEED_TOKEN, `$1${REDACTED}`)
    .replace(EMAIL, (address) => (address.toLowerCase().endsWith(PUBLIC_DEMO_DOMAIN) ? address : REDACTED));
}

function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrub(value);
  if (depth > 6 || value === null || typeof value !== "object") return value;
  // pino formats before it serializes, so errors arrive here as they were thrown.
  if (value instanceof Error) return scrubDeep(pino.stdSerializers.err(value), depth + 1);
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = SENSITIVE_KEYS.includes(key.toLowerCase()) ? REDACTED : scrubDeep(v, depth + 1);
  }
  return out;
}

// By the time serializers run, the formatter has already made errors plain (and scrubbed) objects.
function serializeError(error: unknown) {
  return error instanceof Error ? scrubDeep(error) : error;
}

/** The logger with Tend's rules; `destination` is for tests (default: stdout). */
export function createLogger(destination?: DestinationStream): Logger {
  const level = process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info");
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    serializers: { err: serializeError, error: serializeError },
    formatters: {
      // Every object logged (context and serialized errors): sensitive keys replaced, strings scrubbed.
      log: (object) => scrubDeep(object) as Record<string, unknown>,
    },
    hooks: {
      // The message itself, including printf-style arguments.
      logMethod(args, method) {
        method.apply(
          this,
          args.map((a) => (typeof a === "string" ? scrub(a) : a)) as Parameters<typeof method>,
        );
      },
    },
  };
  if (destination) return pino(options, destination);
  // Readable lines on a developer's terminal; one JSON object per line everywhere else.
  if (process.env.NODE_ENV !== "production" && process.env.NODE_ENV !== "test" && process.stdout.isTTY) {
    // A stream in this thread, not a worker transport: workers don't survive Next's bundling.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pretty = require("pino-pretty") as typeof import("pino-pretty");
    return pino(options, pretty({ sync: true, ignore: "pid,hostname", translateTime: "SYS:HH:MM:ss" }));
  }
  return pino(options);
}

const store = globalThis as unknown as { __tendLogger?: Logger };

/** Shared across hot reloads, like the database handle. */
export const log: Logger = (store.__tendLogger ??= createLogger());
