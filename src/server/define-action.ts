import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { Logger } from "pino";
import { log } from "@/server/log";
import type { ActionFailure, ActionResult } from "@/lib/action-result";
import { AppError, fromZod, toAppError } from "@/server/errors";

type Payload = FormData | Record<string, unknown> | undefined;
type ActionOptions = { successMessage?: string };

/** Said for every failure that is not an AppError: the detail goes to the log, never to the page. */
export const GENERIC_FAILURE = "Something went wrong on our side. Please try again in a moment.";

/**
 * The one wrapper every server action goes through: it authenticates, parses
 * the form with the action's FORM schema (strings in, typed values out), and
 * turns any failure into a result the form can show. Actions are then three
 * lines, and none can leak a raw error or a 500.
 *
 * `defineAction(authenticate)` gives the wrapper for one way of signing in
 * (src/server/action.ts makes coachAction, clientAction, userAction and
 * publicAction from it); the action it makes is usable directly as a
 * `useActionState` action: `(previousState, formData)`. The logger is a
 * parameter so tests can read what is logged; this file imports no auth
 * code, so tests can load it without Next.js.
 */
export function defineAction<Ctx>(authenticate: () => Promise<Ctx>, logger: Pick<Logger, "error" | "warn"> = log) {
  return <S extends z.ZodType, T>(schema: S, handler: (input: z.output<S>, ctx: Ctx) => Promise<T>, options: ActionOptions = {}) =>
    async (_previous: ActionResult<T> | null, payload: Payload): Promise<ActionResult<T>> => {
      const raw = toObject(payload);
      try {
        const ctx = await authenticate();
        const parsed = schema.safeParse(raw);
        if (!parsed.success) throw fromZod(parsed.error);
        const data = await handler(parsed.data, ctx);
        return { ok: true, data, message: options.successMessage };
      } catch (error) {
        // redirect() and notFound() work by throwing; let Next.js handle them.
        unstable_rethrow(error);
        return { ...toFailure(error, logger), values: echoValues(raw) };
      }
    };
}

function toFailure(thrown: unknown, logger: Pick<Logger, "error" | "warn">): ActionFailure {
  const error = toAppError(thrown);
  if (error instanceof AppError) {
    if (error.hasInternalDetail) logger.warn({ err: error, code: error.code }, "server action refused");
    return { ok: false, code: error.code, error: error.userMessage, fieldErrors: error.fieldErrors };
  }
  logger.error({ err: error }, "server action failed unexpectedly");
  return { ok: false, code: "internal", error: GENERIC_FAILURE };
}

function toObject(payload: Payload): Record<string, unknown> {
  if (!payload) return {};
  if (!(payload instanceof FormData)) return payload;
  const out: Record<string, unknown> = {};
  for (const [key, value] of payload.entries()) {
    if (key.startsWith("$ACTION")) continue;
    // Files reach the schema as they are (a profile photo); an empty file input sends nothing.
    if (typeof value !== "string") {
      if (value.size > 0) out[key] = value;
      continue;
    }
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

// Forms are re-rendered with what the person typed, so a failed submit loses nothing.
function echoValues(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) if (typeof value === "string") out[key] = value;
  return out;
}
