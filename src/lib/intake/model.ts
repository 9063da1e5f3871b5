// The intake's shape, shared by the server (scoring, storage) and the browser (the portal's
// screens, the builder's preview). Built on the root-cause framework (docs/intake.md).

export const ROOT_CAUSES = ["trauma", "communication", "needs"] as const;
export const ROADBLOCKS = ["busy", "resentment", "mismatch"] as const;
export const PILLARS = ["vulnerability", "listening", "empathy", "affirmation", "shared"] as const;

export type RootCause = (typeof ROOT_CAUSES)[number];
export type Roadblock = (typeof ROADBLOCKS)[number];
export type Pillar = (typeof PILLARS)[number];

export const rootCauseLabels: Record<RootCause, string> = {
  trauma: "Unresolved personal history",
  communication: "Communication breakdown",
  needs: "Neglected emotional needs",
};

export const roadblockLabels: Record<Roadblock, string> = {
  busy: "Busy lifestyle",
  resentment: "Unresolved resentments",
  mismatch: "Mismatched intimacy needs",
};

export const pillarLabels: Record<Pillar, string> = {
  vulnerability: "Vulnerability",
  listening: "Active listening",
  empathy: "Empathy",
  affirmation: "Consistent affirmation",
  shared: "Shared experiences",
};

/** What a scored item feeds: one root cause, roadblock or pillar, with a weight, maybe reversed. */
export type Scoring =
  | { feeds: "root_cause"; key: RootCause; weight: number; reverse: boolean }
  | { feeds: "roadblock"; key: Roadblock; weight: number; reverse: boolean }
  | { feeds: "pillar"; key: Pillar; weight: number; reverse: boolean };

export type ChoiceOption = {
  id: string;
  label: string;
  /** How strongly choosing it signals what the question feeds, 0 (not at all) to 1 (fully). */
  score?: number;
};

type Common = {
  /** Stable within a questionnaire's versions: answers are keyed by it. */
  id: string;
  prompt: string;
  help?: string;
  required?: boolean;
  scoring?: Scoring;
};

export type Question =
  | (Common & { kind: "scale"; lowLabel: string; highLabel: string })
  | (Common & { kind: "spectrum"; leftLabel: string; rightLabel: string })
  | (Common & { kind: "single"; options: ChoiceOption[] })
  | (Common & { kind: "multiple"; options: ChoiceOption[] })
  | (Common & { kind: "yes_no"; /** "Yes" means someone may be in danger: raises a crisis alert. */ safety?: boolean })
  | (Common & { kind: "short_text" })
  | (Common & { kind: "long_text" })
  | { kind: "section"; id: string; title: string; intro?: string };

export type QuestionKind = Question["kind"];
export type AnswerableQuestion = Exclude<Question, { kind: "section" }>;

export const QUESTION_KINDS = ["scale", "spectrum", "single", "multiple", "yes_no", "short_text", "long_text", "section"] as const;

export const questionKindLabels: Record<QuestionKind, string> = {
  scale: "Scale (1–5)",
  spectrum: "Spectrum (1–7, two poles)",
  single: "Single choice",
  multiple: "Multiple choice",
  yes_no: "Yes / no",
  short_text: "Short text",
  long_text: "Long text",
  section: "Section heading",
};

/** The scale's and the spectrum's ends. */
export const SCALE_MAX = 5;
export const SPECTRUM_MAX = 7;
/** Text answers are refused from this many characters on. */
export const TEXT_LIMIT = 20_000;
export const SHORT_TEXT_LIMIT = 500;

export type AnswerValue = number | string | string[] | boolean;
export type Answers = Record<string, AnswerValue>;

export type QuestionnaireContent = {
  title: string;
  intro: string;
  questions: Question[];
};

export const isAnswerable = (q: Question): q is AnswerableQuestion => q.kind !== "section";

/** One screen of the portal: a section heading (if any) and the questions under it. */
export type QuestionGroup = { id: string; title: string; intro?: string; questions: AnswerableQuestion[] };

/** Splits the questions at each section heading; questions before the first heading form their own group. */
export function groupQuestions(questions: Question[]): QuestionGroup[] {
  const groups: QuestionGroup[] = [];
  for (const q of questions) {
    if (q.kind === "section") {
      groups.push({ id: q.id, title: q.title, intro: q.intro, questions: [] });
    } else {
      if (groups.length === 0) groups.push({ id: "start", title: "Questions", questions: [] });
      groups[groups.length - 1]!.questions.push(q);
    }
  }
  return groups.filter((g) => g.questions.length > 0);
}

/** A yes to a safety question: someone may be in danger. */
export function flagsCrisis(question: Question, value: AnswerValue | undefined): boolean {
  return question.kind === "yes_no" && question.safety === true && value === true;
}
