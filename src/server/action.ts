import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import {
  requireClient,
  requireCoach,
  requireUser,
  type ClientContext,
  type CoachContext,
  type SignedInUser,
} from "@/server/auth/guards";
import { log } from "@/server/log";
import type { ActionFailure, ActionResult } from "@/lib/action-result";
import { AppError, fromZod, toAppError } from "@/server/errors";

type Payload = FormData | Record<string, unknown> | undefined;

/**
 * The one wrapper every server action goes through: it authenticates,
 * validates with zod, and turns any failure into a result the form can show.
 * Actions are then three lines, and none can leak a raw error or a 500.
 *
 * Usable directly as a `useActionState` action: `(previousState, formData)`.
 */
function defineAction<Ctx, S extends z.ZodType, T>(
  authenticate: () => Promise<Ctx>,
  schema: S,
  handler: (input: z.output<S>, ctx: Ctx) => Promise<T>,
  options: { successMessage?: string } = {},
) {
  return async (_previous: ActionResult<T> | null, payload: Payload): Promise<ActionResult<T>> => {
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
      return { ...toFailure(error), values: echoValues(raw) };
    }
  };
}

export const coachAction = <S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, ctx: CoachContext) => Promise<T>,
  options?: { successMessage?: string },
) => defineAction(requireCoach, schema, handler, options);

export const clientAction = <S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, ctx: ClientContext) => Promise<T>,
  options?: { successMessage?: string },
) => defineAction(requireClient, schema, handler, options);

/** Signed in, whatever the role (onboarding, account settings). */
export const userAction = <S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, user: SignedInUser) => Promise<T>,
  options?: { successMessage?: string },
) => defineAction(() => requireUser(), schema, handler, options);

export const publicAction = <S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, ctx: null) => Promise<T>,
  options?: { successMessage?: string },
) => defineAction(async () => null, schema, handler, options);

function toFailure(thrown: unknown): ActionFailure {
  const error = toAppError(thrown);
  if (error instanceof AppError) {
    return { ok: false, code: error.code, error: error.message, fieldErrors: error.fieldErrors };
  }
  log.error({ err: error }, "server action failed unexpectedly");
  return { ok: false, code: "internal", error: "Something went wrong on our side. Please try again in a moment." };
}

function toObject(payload: Payload): Record<string, unknown> {
  if (!payload) return {};
  if (!(payload instanceof FormData)) return payload;
  const out: Record<string, unknown> = {};
  for (const [key, value] of payload.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (typeof value !== "string") continue;
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
