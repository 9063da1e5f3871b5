import "server-only";
import type { Pillar, Question, Roadblock, RootCause, Scoring } from "@/lib/intake/model";

// Shorthands for writing the templates: each reads like the question it makes.

const AGREE = { lowLabel: "Not at all true for me", highLabel: "Very true for me" };

export const section = (id: string, title: string, intro?: string): Question => ({ kind: "section", id, title, intro });

type ScoredOptions = { reverse?: boolean; weight?: number };

/** A required 1–5 agreement item that feeds a root cause or roadblock; `reverse` when agreeing means things are going well. */
function agreement(feeds: "root_cause" | "roadblock", key: RootCause | Roadblock, id: string, prompt: string, options: ScoredOptions): Question {
  const scoring = { feeds, key, weight: options.weight ?? 1, reverse: options.reverse ?? false } as Scoring;
  return { kind: "scale", id, prompt, ...AGREE, required: true, scoring };
}

export const rootCause = (id: string, key: RootCause, prompt: string, options: ScoredOptions = {}) => agreement("root_cause", key, id, prompt, options);
const roadblock = (id: string, key: Roadblock, prompt: string, options: ScoredOptions = {}) => agreement("roadblock", key, id, prompt, options);

/** A pillar rated 1–5 by the client: 1 hardly there, 5 strong. */
const pillar = (id: string, key: Pillar, prompt: string): Question => ({
  kind: "scale",
  id,
  prompt,
  lowLabel: "Hardly there",
  highLabel: "Strong and steady",
  required: true,
  scoring: { feeds: "pillar", key, weight: 1, reverse: false },
});

/** Where the client sits between two poles; partners' positions are compared side by side. */
export const spectrum = (id: string, prompt: string, leftLabel: string, rightLabel: string): Question => ({
  kind: "spectrum",
  id,
  prompt,
  leftLabel,
  rightLabel,
});

export const writing = (id: string, prompt: string, help?: string): Question => ({ kind: "long_text", id, prompt, help });

export const PILLAR_ITEMS: Question[] = [
  section("pillars", "Five pillars of closeness", "Rate how present each one is in your relationship today. There are no right answers; this is a starting point you can compare against later."),
  pillar("pillar_vulnerability", "vulnerability", "We share our fears, hopes and imperfections with each other."),
  pillar("pillar_listening", "listening", "When one of us talks, the other listens for what is behind the words."),
  pillar("pillar_empathy", "empathy", "We feel with each other, not only sorry for each other."),
  pillar("pillar_affirmation", "affirmation", "We regularly tell each other that we matter and are appreciated."),
  pillar("pillar_shared", "shared", "We keep making new memories together that mean something to us."),
];

export const ROADBLOCK_ITEMS: Question[] = [
  section("roadblocks", "What gets in the way", "Everyday things that can crowd out closeness."),
  roadblock("busy_ships", "busy", "We pass each other like ships in the night."),
  roadblock("busy_text", "busy", "Most of our contact during the week happens by text message."),
  roadblock("busy_afterthought", "busy", "Time for us comes after work, chores and everyone else."),
  roadblock("resent_unspoken", "resentment", "There are hurts between us that were never talked through."),
  roadblock("resent_pileup", "resentment", "Small disappointments have been piling up."),
  roadblock("resent_expectations", "resentment", "I often feel my expectations go unmet."),
  roadblock("mismatch_physical", "mismatch", "We want different amounts of physical closeness."),
  roadblock("mismatch_emotional", "mismatch", "We want different kinds of emotional closeness."),
];

export const SELF_REFLECTION_ITEMS: Question[] = [
  section("reflection", "Looking at yourself", "Take your time. Only you and your coach will read this."),
  writing("reflect_history", "What from your past, your childhood or earlier relationships, do you think you bring into this relationship?"),
  writing("reflect_availability", "How do those experiences affect how open or available you are with your feelings today?"),
  writing("reflect_fears", "Which fears hold you back from letting your partner see the real you?"),
];
