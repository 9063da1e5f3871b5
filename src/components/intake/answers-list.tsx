import { describeAnswer } from "@/lib/intake/display";
import { groupQuestions, type Answers, type Question } from "@/lib/intake/model";

/** A response's answers, read-only, grouped as they were asked (the client's own view and the coach's). */
export function AnswersList({ questions, answers, only }: { questions: Question[]; answers: Answers; only?: "text" }) {
  const groups = groupQuestions(questions)
    .map((g) => ({ ...g, questions: only === "text" ? g.questions.filter((q) => q.kind === "short_text" || q.kind === "long_text") : g.questions }))
    .filter((g) => g.questions.length);
  return (
    <div className="space-y-5">
      {groups.map((group) => (
        <section key={group.id} aria-label={group.title}>
          <h3 className="font-semibold text-ink">{group.title}</h3>
          <dl className="mt-2 space-y-3">
            {group.questions.map((q) => (
              <div key={q.id}>
                <dt className="text-sm text-muted">{q.prompt}</dt>
                <dd className="whitespace-pre-wrap text-sm text-ink">{describeAnswer(q, answers[q.id]) ?? <span className="italic text-muted">Not answered</span>}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
