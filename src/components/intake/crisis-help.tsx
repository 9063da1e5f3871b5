import type { EmergencyHelp } from "@/lib/intake/emergency";

/**
 * Shown the moment a safety answer says someone may be in danger, on that
 * screen, before any submit. It never blocks going on.
 */
export function CrisisHelp({ help, id }: { help: EmergencyHelp; id?: string }) {
  return (
    <section id={id} role="alert" aria-labelledby="crisis-help-heading" className="rounded-2xl border-2 border-clay-600 bg-clay-100 p-5 text-ink">
      <h2 id="crisis-help-heading" className="font-serif text-lg font-semibold">
        If you or someone else is in danger, get help now
      </h2>
      <ul className="mt-3 space-y-2 text-base">
        <li>
          {help.number ? (
            <>
              Call <a href={`tel:${help.number}`} className="font-semibold underline underline-offset-4">{help.number}</a> for emergency services.
            </>
          ) : (
            <>Call your local emergency number for the police, an ambulance or the fire service.</>
          )}
        </li>
        {help.lifeline988 ? (
          <li>
            Call or text <a href="tel:988" className="font-semibold underline underline-offset-4">988</a> to reach the 988 Suicide &amp; Crisis Lifeline,
            any time, day or night.
          </li>
        ) : null}
        <li>If you can, go somewhere you feel safe, or reach out to someone you trust.</li>
      </ul>
      <p className="mt-3 text-sm">
        Your coach has been told and will check in with you. Coaching is not emergency care: please don&apos;t wait for your session. You can keep going
        with the questions whenever you&apos;re ready.
      </p>
    </section>
  );
}
