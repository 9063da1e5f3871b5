import "server-only";
import type { QuestionnaireContent } from "@/lib/intake/model";
import { PILLAR_ITEMS, section } from "./items";

/**
 * The short check-in a coach re-assigns (once, or every few weeks) to see how the five pillars move:
 * the intake's own pillar items, so a check-in's ratings line up with the intake's, and one optional
 * note. Two minutes to answer.
 */
export const pillarsCheckIn: QuestionnaireContent = {
  title: "Pillars check-in",
  intro: "Five quick ratings of how your relationship feels right now, so you and your coach can see what is growing and what needs care.",
  questions: [
    section("checkin", "The five pillars, today", "Think of the last couple of weeks. How present is each one?"),
    ...PILLAR_ITEMS.filter((q) => q.kind !== "section"),
    {
      kind: "long_text",
      id: "checkin_note",
      prompt: "Anything you want your coach to know since last time? (optional)",
      help: "A change, a good moment, something that was hard.",
    },
  ],
};
