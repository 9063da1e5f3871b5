import "server-only";
import type { z } from "zod";
import { fromZod } from "./errors";

/**
 * Domain functions validate their own input, so a cron job or a test gets
 * the same guarantees as a form. Throws AppError("invalid") with field messages.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw fromZod(result.error);
  return result.data;
}
