import "server-only";
import type { QuestionnaireContent } from "@/lib/intake/model";
import { section, writing } from "./items";

export const crisisIntake: QuestionnaireContent = {
  title: "Crisis intake",
  intro:
    "You're going through something hard. A few short questions help your coach prepare. Safety comes first: if anyone is in danger, you'll see where to get help right away.",
  questions: [
    section("safety", "Safety first", "Coaching is not emergency care. Your answers here reach your coach straight away."),
    {
      kind: "yes_no",
      id: "safety_danger",
      prompt: "Is anyone, you included, in danger of being hurt right now?",
      required: true,
      safety: true,
    },
    {
      kind: "yes_no",
      id: "safety_self_harm",
      prompt: "Have you had thoughts of harming yourself or ending your life?",
      required: true,
      safety: true,
    },
    {
      kind: "yes_no",
      id: "safety_home",
      prompt: "Do you feel afraid of someone you live with?",
      required: true,
      safety: true,
    },
    section("what_happened", "What happened"),
    {
      kind: "multiple",
      id: "what_kind",
      prompt: "What describes your situation? Choose all that apply.",
      options: [
        { id: "infidelity", label: "I found out about an affair or betrayal" },
        { id: "separation", label: "One of us is talking about separating" },
        { id: "conflict", label: "Our arguments have become much worse" },
        { id: "withdrawal", label: "My partner has pulled away" },
        { id: "other", label: "Something else" },
      ],
    },
    { kind: "short_text", id: "what_when", prompt: "When did this come to a head?" },
    writing("what_story", "Tell your coach what happened, as much or as little as you want to share now."),
    section("needs_now", "What you need now"),
    {
      kind: "single",
      id: "needs_goal",
      prompt: "What matters most to you in the first session?",
      options: [
        { id: "calm", label: "Getting through the next days calmly" },
        { id: "decide", label: "Deciding what to do" },
        { id: "repair", label: "Starting to repair the relationship" },
        { id: "understand", label: "Understanding what happened" },
      ],
    },
    writing("needs_support", "Who around you can support you right now, and what would help most?"),
  ],
};
