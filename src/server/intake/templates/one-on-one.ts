import "server-only";
import type { QuestionnaireContent } from "@/lib/intake/model";
import { PILLAR_ITEMS, ROADBLOCK_ITEMS, rootCause, section, SELF_REFLECTION_ITEMS, writing } from "./items";

export const oneOnOneIntake: QuestionnaireContent = {
  title: "One-on-one intake",
  intro:
    "This coaching starts with you. These questions look at what you carry with you and how you show up in your relationships, so your first session can go straight to what matters.",
  questions: [
    ...SELF_REFLECTION_ITEMS,
    section("history", "Your history", "How true is each sentence for you?"),
    rootCause("rc_trauma_past", "trauma", "Old experiences still decide how I react when I feel hurt."),
    rootCause("rc_trauma_guard", "trauma", "I find it hard to let people close."),
    rootCause("rc_comm_heard", "communication", "I can say what I feel in a way others understand.", { reverse: true }),
    rootCause("rc_needs_unspoken", "needs", "I rarely say what I need."),
    writing("history_goal", "What do you want to change about yourself through coaching?"),
    ...PILLAR_ITEMS,
    ...ROADBLOCK_ITEMS,
  ],
};
