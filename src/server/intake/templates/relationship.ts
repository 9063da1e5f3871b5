import "server-only";
import type { QuestionnaireContent } from "@/lib/intake/model";
import { PILLAR_ITEMS, ROADBLOCK_ITEMS, rootCause, section, SELF_REFLECTION_ITEMS, spectrum, writing } from "./items";

export const relationshipIntake: QuestionnaireContent = {
  title: "Relationship intake",
  intro:
    "Before we meet, these questions help us find where the distance comes from, so the first session can start where it matters most. If you come as a couple, each of you answers on your own; your partner never sees your answers.",
  questions: [
    section("start", "Where you are now"),
    writing("start_why", "In your own words, what made you look for coaching now?"),
    writing("start_hope", "If coaching goes well, what will be different in six months?"),
    section("root_causes", "How things feel between you", "Say how true each sentence is for you at the moment."),
    rootCause("rc_trauma_past", "trauma", "Things that happened before this relationship still shape how I react in it."),
    rootCause("rc_trauma_guard", "trauma", "I keep part of myself guarded, even with my partner."),
    rootCause("rc_trauma_safe", "trauma", "I feel safe being emotionally open with my partner.", { reverse: true }),
    rootCause("rc_comm_heard", "communication", "When I talk about something important, I feel heard.", { reverse: true }),
    rootCause("rc_comm_repeat", "communication", "We have the same argument again and again.", { weight: 2 }),
    rootCause("rc_comm_silence", "communication", "One of us goes quiet or withdraws after a disagreement."),
    rootCause("rc_comm_past", "communication", "We talk past each other, waiting for our turn rather than understanding."),
    rootCause("rc_needs_valued", "needs", "I feel seen and valued by my partner.", { reverse: true, weight: 2 }),
    rootCause("rc_needs_unspoken", "needs", "There are needs I have stopped mentioning."),
    rootCause("rc_needs_unmet", "needs", "What I need from the relationship goes unmet, time after time."),
    ...ROADBLOCK_ITEMS,
    section("spectrum", "How you like closeness", "Place yourself between the two ends. Partners often differ here, and that's fine: it tells us what to talk about."),
    spectrum("sp_emotional", "Emotional closeness", "I need a lot of space", "I want to share everything"),
    spectrum("sp_physical", "Physical affection", "Rarely, on my terms", "Often and spontaneous"),
    spectrum("sp_communication", "When something bothers me", "I think it over alone first", "I want to talk it out right away"),
    spectrum("sp_attachment", "When we're apart or in conflict", "I pull back and need room", "I reach out and need reassurance"),
    ...PILLAR_ITEMS,
    ...SELF_REFLECTION_ITEMS,
  ],
};
