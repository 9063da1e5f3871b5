import "server-only";
import type { CadenceKind } from "@/lib/homework/cadence";
import type { DbOrTx } from "@/server/db/client";
import { homeworkPractices } from "@/server/db/schema";

type FrameworkPractice = {
  key: string;
  title: string;
  instructions: string;
  reflectionPrompt: string;
  cadenceKind: CadenceKind;
  timesPerWeek?: number;
};

/** The framework's twelve practices (docs/homework.md), in Tend's words; every practice starts with them. */
const FRAMEWORK_PRACTICES: readonly FrameworkPractice[] = [
  {
    key: "daily-check-in",
    title: "Daily check-in ritual",
    instructions:
      "Take 15 minutes together with phones in another room. One of you talks about your day and how you feel while the other only listens; then swap. Tomorrow, the other one starts.",
    reflectionPrompt: "What did you learn about your partner's day that you wouldn't have known otherwise?",
    cadenceKind: "daily",
  },
  {
    key: "no-technology-zone",
    title: "No-technology zone",
    instructions:
      "For 30 minutes, put every screen away (phones, laptop, TV) and spend the time together: cook, walk, talk, or simply sit together.",
    reflectionPrompt: "What filled the time when the screens were gone?",
    cadenceKind: "daily",
  },
  {
    key: "date-night",
    title: "Date night",
    instructions:
      "Plan one evening this week just for the two of you. Take turns choosing what you do. Be fully there: no work talk, no phones at the table.",
    reflectionPrompt: "What moment of the evening felt most connected?",
    cadenceKind: "weekly",
  },
  {
    key: "morning-evening-connection",
    title: "Morning and evening connection",
    instructions:
      "Start the day with a moment for each other (a hug, a coffee, a question about the day ahead) and end it the same way, before screens and sleep.",
    reflectionPrompt: "How did starting and ending the day together change it?",
    cadenceKind: "daily",
  },
  {
    key: "calendar-blocking",
    title: "Calendar blocking",
    instructions:
      "Sit down together once this week and put your time as a couple in both calendars, as firmly as any work meeting: date night, check-ins, time off.",
    reflectionPrompt: "What did you protect, and what will you have to say no to?",
    cadenceKind: "weekly",
  },
  {
    key: "physical-intimacy-renewal",
    title: "Physical intimacy renewal (non-sexual)",
    instructions:
      "Share gentle, non-sexual touch: hold hands, a long hug, a minute of eye contact. Afterwards, talk about what felt comfortable for each of you and what didn't.",
    reflectionPrompt: "What felt good, and what would you like more or less of?",
    cadenceKind: "times_per_week",
    timesPerWeek: 3,
  },
  {
    key: "intimacy-agreement",
    title: "Intimacy agreement",
    instructions:
      "Each of you writes down what you need to feel close, and how you would like your partner to meet it. Read them to each other and agree on one change each. We'll revisit it in session.",
    reflectionPrompt: "What did you agree on, and how did it feel to ask for it?",
    cadenceKind: "once",
  },
  {
    key: "relationship-check-in",
    title: "Relationship check-in",
    instructions:
      "Once a week, talk through four questions together: what went well between us, what was hard, what do I need from you this week, and what can I give you.",
    reflectionPrompt: "What came up in the check-in that you want to bring to the next session?",
    cadenceKind: "weekly",
  },
  {
    key: "self-reflection-journal",
    title: "Self-reflection journal",
    instructions:
      "Write, for yourself, answers to the self-reflection questions from our session: what you feel, what you want, and what gets in the way. Nobody else needs to read it.",
    reflectionPrompt: "What surprised you in what you wrote?",
    cadenceKind: "weekly",
  },
  {
    key: "trust-repair",
    title: "Trust repair actions",
    instructions:
      "Do one concrete thing your partner can see or check that shows you're reliable or open: keep a promise, share something you'd usually keep to yourself, be where you said you'd be.",
    reflectionPrompt: "What did you do, and how did your partner respond?",
    cadenceKind: "weekly",
  },
  {
    key: "emotional-openness",
    title: "Emotional openness",
    instructions:
      "Once a day, name one feeling to your partner, in a sentence: \"Today I felt … when …\". Notice when the \"strong and silent\" script tells you not to, and say it anyway.",
    reflectionPrompt: "Which feeling was hardest to name today?",
    cadenceKind: "daily",
  },
  {
    key: "safe-space",
    title: "Safe space",
    instructions:
      "When your partner opens up, listen without fixing, judging or defending. Thank them for telling you, and ask one question to understand more.",
    reflectionPrompt: "How did it feel to listen without answering back?",
    cadenceKind: "daily",
  },
];

/** Gives a practice the framework's twelve; rows it already has are left as they are. */
export async function addFrameworkPractices(tx: DbOrTx, practiceId: string): Promise<void> {
  await tx
    .insert(homeworkPractices)
    .values(
      FRAMEWORK_PRACTICES.map((p) => ({
        practiceId,
        frameworkKey: p.key,
        title: p.title,
        instructions: p.instructions,
        reflectionPrompt: p.reflectionPrompt,
        cadenceKind: p.cadenceKind,
        timesPerWeek: p.timesPerWeek ?? null,
      })),
    )
    .onConflictDoNothing({ target: [homeworkPractices.practiceId, homeworkPractices.frameworkKey] });
}
