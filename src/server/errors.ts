import "server-only";
import type { z } from "zod";
import type { AppErrorCode, FieldErrors } from "@/lib/action-result";

const STATUS: Record<AppErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  payment_required: 402,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  slot_unavailable: 409,
  slot_taken: 409,
  already_canceled: 409,
  unsupported_media_type: 415,
  rate_limited: 429,
};

type AppErrorOptions = {
  /** What went wrong, for the logs only (ids, the failing check, a driver's text). Never shown. */
  internal?: string;
  /** The error this one explains, kept for the logs. */
  cause?: unknown;
};

/**
 * The one error type domain code throws on purpose. It carries three things,
 * kept apart (as documenso's AppError does): a `code` the program branches on
 * (and that maps to one HTTP status), the `userMessage` a page or an API
 * answer may show, and an internal message (`error.message`, for logs and
 * stack traces) that never leaves the server. Without `internal`, the
 * internal message is the user message.
 *
 *   throw new AppError("not_found", "That client was not found.");
 *   throw new AppError("invalid", "Please correct the highlighted fields.", { price: ["Enter a price."] });
 *   throw new AppError("conflict", "That time is taken.", undefined, { internal: `booking ${id} overlaps ${other}` });
 *
 * Anything else reaching a boundary is a bug: it is logged and the user sees a generic message.
 */
export class AppError extends Error {
  readonly userMessage: string;

  constructor(
    readonly code: AppErrorCode,
    userMessage: string,
    readonly fieldErrors?: FieldErrors,
    options: AppErrorOptions = {},
  ) {
    super(options.internal ?? userMessage, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.userMessage = userMessage;
  }

  /** True when the internal message says more than the user message (worth a log line). */
  get hasInternalDetail() {
    return this.message !== this.userMessage;
  }

  get status() {
    return STATUS[this.code];
  }
}

export const notFound = (what = "That item") => new AppError("not_found", `${what} was not found.`);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An id that can't be one of ours (not a UUID: a typo, a probe) is "not found"
 * before any query sees it; Postgres would refuse it with an error instead.
 */
export function notFoundUnlessId(id: string, what: string): void {
  if (!UUID.test(id)) throw notFound(what);
}
export const invalid = (message: string, fieldErrors?: FieldErrors) =>
  new AppError("invalid", message, fieldErrors);
export const conflict = (message: string, fieldErrors?: FieldErrors) =>
  new AppError("conflict", message, fieldErrors);

/** Flattens a zod error into `{ "field.path": ["message"] }`. */
function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export function fromZod(error: z.ZodError): AppError {
  return new AppError("invalid", "Please correct the highlighted fields.", fieldErrorsOf(error));
}

/** Postgres unique violation (23505) on the named constraint, through either driver. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = findPgError(error);
  return !!e && e.code === "23505" && (!constraint || e.constraint === constraint || e.constraint_name === constraint);
}

/** Postgres exclusion violation (23P01), raised when two bookings would overlap. */
export function isExclusionViolation(error: unknown, constraint?: string): boolean {
  const e = findPgError(error);
  return !!e && e.code === "23P01" && (!constraint || e.constraint === constraint || e.constraint_name === constraint);
}

/**
 * Postgres deadlock (40P01). Two bookings of overlapping time inserted at the
 * same instant can each wait on the other's exclusion check; Postgres aborts
 * one of them, and for that booker the time was taken, as with 23P01.
 */
export function isDeadlock(error: unknown): boolean {
  return findPgError(error)?.code === "40P01";
}

/**
 * Text Postgres cannot store (a NUL byte, broken UTF-8) in a parameter. That
 * is the caller's input, not our fault: boundaries answer it as `invalid`.
 */
function isUnstorableTextError(error: unknown): boolean {
  const code = findPgError(error)?.code;
  return code === "22021" || code === "22P05";
}

/** Maps the database errors that mean "bad input" to AppError; anything else is returned as is. */
export function toAppError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (isUnstorableTextError(error)) {
    return new AppError("invalid", "Some of the text contains characters that can't be saved (such as a null byte).", undefined, {
      internal: `Postgres refused a text parameter (${findPgError(error)?.code})`,
      cause: error,
    });
  }
  return error;
}

type PgErrorLike = { code?: string; constraint?: string; constraint_name?: string };

// Drizzle wraps driver errors (`cause`); postgres.js names the field
// `constraint_name`, PGlite `constraint`.
function findPgError(error: unknown): PgErrorLike | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const candidate = current as PgErrorLike & { cause?: unknown };
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    current = candidate.cause;
  }
  return undefined;
}
