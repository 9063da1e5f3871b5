// What a server action answers, as the forms see it. The server side (src/server/action.ts,
// src/server/errors.ts) produces these; components read them without importing server code.

/** Why a domain operation refused. Each maps to one HTTP status in src/server/errors.ts. */
export type AppErrorCode =
  | "invalid"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payment_required"
  | "rate_limited"
  | "unsupported_media_type"
  | "slot_unavailable"
  | "slot_taken"
  | "already_canceled";

/** Messages per form field, keyed by the field's name ("partner.email" for nested ones). */
export type FieldErrors = Record<string, string[]>;

export type ActionResult<T = unknown> =
  | { ok: true; data: T; message?: string }
  | { ok: false; code: AppErrorCode | "internal"; error: string; fieldErrors?: FieldErrors; values?: Record<string, string> };

/** A server action as a form calls it: the shape useActionState takes. */
export type ServerAction<T = unknown, Payload = FormData> = (previous: ActionResult<T> | null, payload: Payload) => Promise<ActionResult<T>>;

export type ActionFailure = Extract<ActionResult, { ok: false }>;

/**
 * The chosen time went while the person was deciding (someone else booked it, or it is no
 * longer open): the form says so and shows fresh times, keeping what was typed.
 */
export const timeWasTaken = (failure: ActionFailure | null | undefined) => failure?.code === "slot_taken" || failure?.code === "slot_unavailable";
