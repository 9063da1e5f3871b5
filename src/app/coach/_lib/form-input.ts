import { z } from "zod";

/**
 * The schema dashboard actions hand to coachAction: it accepts the form's
 * fields as they are and leaves validation to the domain function, which
 * parses with its own schema. Parsing twice would run transforms twice
 * (a price of "150" would become 15000 cents, then 1,500,000).
 */
export const formInput = <T extends object>() =>
  z.custom<T>((value) => typeof value === "object" && value !== null && !Array.isArray(value));

/** Forms that act on one record carry its id in a hidden field. */
export const withId = <T extends object>() => formInput<T & { id: string }>();
