import { AnswersList } from "./answers-list";
import { PillarRadar, ScoreBars, SpectrumCompare } from "./charts";
import { PILLARS, ROADBLOCKS, ROOT_CAUSES, pillarLabels, roadblockLabels, rootCauseLabels, type Answers, type Question } from "@/lib/intake/model";
import { practiceLabels } from "@/lib/intake/practices";
import type { Profile } from "@/lib/intake/scoring";

export type ProfilePerson = { name: string; profile: Profile; questions: Question[]; answers: Answers };

const heading = "mb-3 font-serif text-lg font-semibold text-ink";

/**
 * A scored intake for the coach: where to start, root causes, roadblocks,
 * pillars, suggested practices and the written answers. With two people (a
 * couple), every chart shows both and the answers sit in two columns.
 */
export function ProfileView({ people }: { people: ProfilePerson[] }) {
  const names = people.map((p) => p.name);
  const spectra = people[0]!.questions.filter((q): q is Extract<Question, { kind: "spectrum" }> => q.kind === "spectrum");
  return (
    <div className="space-y-8">
      <section aria-labelledby="start-heading">
        <h2 id="start-heading" className={heading}>
          Where to start
        </h2>
        <ul className="space-y-1 text-sm text-ink">
          {people.map((p) => (
            <li key={p.name}>
              {people.length > 1 ? <span className="font-medium">{p.name}: </span> : null}
              {p.profile.startWith ? `${rootCauseLabels[p.profile.startWith]} (${p.profile.rootCauses[p.profile.startWith]} of 100)` : "Not enough scored answers to say."}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="root-heading">
        <h2 id="root-heading" className={heading}>
          Root causes <span className="text-sm font-normal text-muted">(0–100, higher is more pressing)</span>
        </h2>
        <ScoreBars caption="Root-cause scores" names={names} rows={ROOT_CAUSES.map((k) => ({ label: rootCauseLabels[k], values: people.map((p) => p.profile.rootCauses[k]) }))} />
      </section>

      <section aria-labelledby="roadblock-heading">
        <h2 id="roadblock-heading" className={heading}>
          Roadblocks
        </h2>
        <ScoreBars caption="Roadblock scores" names={names} rows={ROADBLOCKS.map((k) => ({ label: roadblockLabels[k], values: people.map((p) => p.profile.roadblocks[k].score) }))} />
        <ul className="mt-3 space-y-1 text-sm">
          {people.map((p) => {
            const flagged = ROADBLOCKS.filter((k) => p.profile.roadblocks[k].flagged);
            return (
              <li key={p.name}>
                {people.length > 1 ? <span className="font-medium">{p.name}: </span> : null}
                {flagged.length ? `Flagged: ${flagged.map((k) => roadblockLabels[k]).join(", ")}` : "No roadblock flagged."}
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="pillar-heading">
        <h2 id="pillar-heading" className={heading}>
          Five pillars <span className="text-sm font-normal text-muted">(1–5, as rated)</span>
        </h2>
        <PillarRadar caption="Pillar ratings" names={names} rows={PILLARS.map((k) => ({ label: pillarLabels[k], values: people.map((p) => p.profile.pillars[k]) }))} />
      </section>

      {spectra.length && people.length > 1 ? (
        <section aria-labelledby="spectrum-heading">
          <h2 id="spectrum-heading" className={heading}>
            How each likes closeness
          </h2>
          <SpectrumCompare
            names={names}
            rows={spectra.map((q) => ({
              label: q.prompt,
              left: q.leftLabel,
              right: q.rightLabel,
              values: people.map((p) => (typeof p.answers[q.id] === "number" ? (p.answers[q.id] as number) : null)),
            }))}
          />
        </section>
      ) : null}

      <section aria-labelledby="suggest-heading">
        <h2 id="suggest-heading" className={heading}>
          Suggested practices
        </h2>
        <ul className="space-y-1 text-sm">
          {people.map((p) => (
            <li key={p.name}>
              {people.length > 1 ? <span className="font-medium">{p.name}: </span> : null}
              {p.profile.suggestions.length ? p.profile.suggestions.map((s) => practiceLabels[s]).join(", ") : "None yet: nothing scored as pressing."}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="answers-heading">
        <h2 id="answers-heading" className={heading}>
          {people.length > 1 ? "Answers, side by side" : "Answers"}
        </h2>
        <div className={people.length > 1 ? "grid gap-6 md:grid-cols-2" : ""}>
          {people.map((p) => (
            <div key={p.name}>
              {people.length > 1 ? <p className="mb-2 text-sm font-semibold text-ink">{p.name}</p> : null}
              <AnswersList questions={p.questions} answers={p.answers} />
            </div>
          ))}
        </div>
      </section>
    </div>
  );
}
