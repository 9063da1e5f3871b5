import type { AnswerValue } from "@/lib/intake/model";

/** An answer as a form sends it: the strings the server action parses back. */
export function toFormValue(value: AnswerValue | undefined): string | string[] {
  if (value === undefined) return "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return String(value);
  return value;
}
