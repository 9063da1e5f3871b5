"use client";

import { useRouter } from "next/navigation";
import { timeWasTaken } from "@/lib/action-result";
import { useEffect, useRef, useState, useTransition } from "react";
import { describeZone, formatDayLong, formatTimeRange, formatWhen } from "@/lib/time/format";
import type { SlotTime } from "@/components/booking/slot-days";
import { useBookerTimeZone, useSlotLoader } from "@/components/booking/slot-hooks";
import { SlotPicker, SlotPickerSkeleton, Spinner } from "@/components/booking/slot-picker";
import { buttonClass } from "@/components/ui/button-class";
import { Field } from "@/components/ui/field";
import { useBookingStep, useSavedDetails } from "@/components/booking/booking-steps";
import { lateBookingWarning, type PolicySnapshot } from "@/lib/scheduling/policy";
import { bookSessionAction, loadBookingSlotsAction } from "./actions";

type Details = { name: string; email: string; phone: string; note: string; partnerName: string; partnerEmail: string; withPartner: boolean };
const EMPTY: Details = { name: "", email: "", phone: "", note: "", partnerName: "", partnerEmail: "", withPartner: false };
const FORM_FIELDS = new Set(["name", "email", "phone", "note", "partner", "partner.name", "partner.email"]);

/**
 * The booking page's two steps, kept in one place so nothing typed is lost:
 * choose a day and time, then say who you are. Each step has its own address
 * (the chosen time in the query, see booking-steps.ts), so Back and Forward
 * move between them, and what was typed is kept for the tab. If the time is
 * taken while the person types, they land back on the times (refreshed) with
 * their details still filled in.
 */
export function BookingFlow({
  practiceSlug,
  practiceName,
  offeringSlug,
  couples,
  nowIso,
  horizonDays,
  policyText,
  policy,
  durationMinutes,
  payAtBooking,
  payChoices = { credits: 0, pkg: null },
  prefill,
}: {
  practiceSlug: string;
  practiceName: string;
  offeringSlug: string;
  /** Relationship sessions may add a partner. */
  couples: boolean;
  nowIso: string;
  horizonDays: number;
  policyText: string;
  /** The rules a booking made now is held to (for the warning on a time inside them). */
  policy: PolicySnapshot;
  durationMinutes: number;
  /** The price, when it is paid through Checkout right after this form. */
  payAtBooking: string | null;
  /** The signed-in client's credits for this offering, and the package one can buy with this session. */
  payChoices?: { credits: number; pkg: { id: string; label: string } | null };
  /** A signed-in client of this practice: their name, email and zone, filled in (and changeable). */
  prefill?: { name: string; email: string; timeZone: string } | null;
}) {
  const [payWith, setPayWith] = useState<"single" | "credit" | "package">(payChoices.credits > 0 ? "credit" : "single");
  const router = useRouter();
  const [zonePicked, setZonePicked] = useState(false);
  const [chosenZone, setChosenZone] = useBookerTimeZone(prefill?.timeZone);
  const { slot, zone: linkedZone, choose: goToDetails, backToTimes } = useBookingStep(durationMinutes);
  // The zone in the address (step 2, or a shared link) until the booker picks another.
  const timeZone = linkedZone && !zonePicked ? linkedZone : chosenZone;
  const step = slot && timeZone ? "details" : "pick";
  const [details, setDetails, forgetDetails] = useSavedDetails<Details>(`tend:booking:${practiceSlug}/${offeringSlug}`, prefill ? { ...EMPTY, name: prefill.name, email: prefill.email } : EMPTY);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [takenMessage, setTakenMessage] = useState<string | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const [pending, startTransition] = useTransition();

  const detailsHeading = useRef<HTMLHeadingElement>(null);
  const pickHeading = useRef<HTMLHeadingElement>(null);
  const takenRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const loadSlots = useSlotLoader(loadBookingSlotsAction, { practice: practiceSlug, offering: offeringSlug });

  // Each step begins where the eye and the screen reader should: its heading or its message.
  useEffect(() => {
    if (step === "details") {
      detailsHeading.current?.focus();
      detailsHeading.current?.scrollIntoView({ block: "start", behavior: "smooth" });
    } else if (takenMessage) {
      takenRef.current?.focus();
      takenRef.current?.scrollIntoView({ block: "center", behavior: "smooth" });
    }
  }, [step, takenMessage]);

  useEffect(() => {
    if (Object.keys(errors).length) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  function chooseSlot(next: SlotTime) {
    if (!timeZone) return;
    setTakenMessage(null);
    setFormError(null);
    goToDetails(next, timeZone);
  }

  function pickZone(zone: string) {
    setZonePicked(true);
    setChosenZone(zone);
  }

  // On the server's clock as the page was drawn (it honours the test clock); the server applies the rules again on booking.
  const lateWarning = slot ? lateBookingWarning(new Date(slot.start), new Date(nowIso), policy) : null;

  function set<K extends keyof Details>(key: K) {
    return (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setDetails((d) => ({ ...d, [key]: event.target.value }));
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!slot || !timeZone || pending) return;
    const payload = {
      practice: practiceSlug,
      offering: offeringSlug,
      start: slot.start,
      timeZone,
      name: details.name,
      email: details.email,
      phone: details.phone,
      note: details.note,
      ...(couples && details.withPartner ? { partnerName: details.partnerName, partnerEmail: details.partnerEmail } : {}),
      payWith,
      ...(payWith === "package" && payChoices.pkg ? { packageId: payChoices.pkg.id } : {}),
    };
    startTransition(async () => {
      const result = await bookSessionAction(null, payload);
      if (result.ok) {
        forgetDetails();
        // Checkout (Stripe's, or the test one) is a whole page of its own.
        if (/^https?:\/\//.test(result.data.url)) window.location.assign(result.data.url);
        else router.push(result.data.url);
        return;
      }
      if (timeWasTaken(result)) {
        const when = formatWhen(slot.start, timeZone);
        setTakenMessage(
          result.code === "slot_taken"
            ? `Sorry, ${when} was booked by someone else a moment ago. Here are the times still open. Your details are saved.`
            : `Sorry, ${when} is no longer available. Here are the times still open. Your details are saved.`,
        );
        setErrors({});
        setRefreshKey((k) => k + 1);
        // Replaced, not pushed: Forward must not lead back to a time that is gone.
        backToTimes({ replace: true });
        return;
      }
      const fieldErrors = result.fieldErrors ?? {};
      setErrors(fieldErrors);
      const other = Object.entries(fieldErrors)
        .filter(([key]) => !FORM_FIELDS.has(key))
        .flatMap(([, messages]) => messages);
      setFormError(Object.keys(fieldErrors).length && !other.length ? null : other.length ? other.join(" ") : result.error);
    });
  }

  return (
    <>
      <section aria-labelledby="pick-heading" hidden={step !== "pick"}>
        <p className="text-xs font-medium uppercase tracking-wide text-muted">Step 1 of 2</p>
        <h2 id="pick-heading" ref={pickHeading} tabIndex={-1} className="mt-1 font-serif text-xl font-semibold text-ink focus:outline-none">
          Choose a day and time
        </h2>
        <div className="mt-5">
          {timeZone ? (
            <SlotPicker
              nowIso={nowIso}
              horizonDays={horizonDays}
              timeZone={timeZone}
              onTimeZoneChange={pickZone}
              zoneHint={prefill ? "From your details with the coach. Change it if you’re somewhere else." : undefined}
              loadSlots={loadSlots}
              refreshKey={refreshKey}
              selectedStart={slot?.start ?? null}
              onSelect={chooseSlot}
              notice={
                takenMessage ? (
                  <div ref={takenRef} tabIndex={-1} role="alert" className="rounded-xl border border-clay-600/30 bg-clay-100 px-4 py-3 text-sm text-clay-600">
                    {takenMessage}
                  </div>
                ) : null
              }
            />
          ) : (
            <SlotPickerSkeleton />
          )}
        </div>
      </section>

      {step === "details" && slot && timeZone ? (
        <section aria-labelledby="details-heading">
          <p className="text-xs font-medium uppercase tracking-wide text-muted">Step 2 of 2</p>
          <h2 id="details-heading" ref={detailsHeading} tabIndex={-1} className="mt-1 scroll-mt-4 font-serif text-xl font-semibold text-ink focus:outline-none">
            Your details
          </h2>

          <div className="mt-4 flex flex-col gap-3 rounded-xl bg-brand-50 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
            <p className="text-sm text-brand-800">
              <span className="block font-semibold">{formatDayLong(slot.start, timeZone)}</span>
              <span className="block">
                {formatTimeRange(slot.start, slot.end, timeZone)} · {describeZone(timeZone, new Date(slot.start))}
              </span>
            </p>
            <button
              type="button"
              className={buttonClass("secondary", "shrink-0")}
              onClick={() => {
                backToTimes();
                // The button disappears with its step; keep the keyboard's place at the picker.
                requestAnimationFrame(() => pickHeading.current?.focus());
              }}
              disabled={pending}
            >
              Change time
            </button>
          </div>

          <form ref={formRef} onSubmit={submit} noValidate className="mt-6 max-w-xl space-y-5">
            {formError ? (
              <p role="alert" className="rounded-lg border border-clay-600/30 bg-clay-100 px-4 py-3 text-sm text-clay-600">
                {formError}
              </p>
            ) : Object.keys(errors).length ? (
              <p role="alert" className="text-sm text-clay-600">
                Please check the fields marked below.
              </p>
            ) : null}
            <Field label="Your name" name="name" autoComplete="name" required value={details.name} onChange={set("name")} errors={errors.name} maxLength={120} />
            <Field
              label="Email"
              name="email"
              type="email"
              autoComplete="email"
              inputMode="email"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={details.email}
              onChange={set("email")}
              errors={errors.email}
              hint="Your confirmation and calendar invite go here."
            />
            <Field
              label="Phone (optional)"
              name="phone"
              type="tel"
              autoComplete="tel"
              value={details.phone}
              onChange={set("phone")}
              errors={errors.phone}
              hint="Only if you’d like your coach to be able to reach you by phone."
            />
            <Field label={`Anything you’d like ${practiceName} to know? (optional)`} name="note" errors={errors.note} hint="Only your coach will see this. A sentence or two is plenty.">
              {(control) => <textarea {...control} rows={4} maxLength={2000} value={details.note} onChange={set("note")} />}
            </Field>

            {couples ? (
              <div className="rounded-xl border border-line p-4">
                <label className="flex cursor-pointer items-start gap-3">
                  <input
                    type="checkbox"
                    checked={details.withPartner}
                    onChange={(e) => setDetails((d) => ({ ...d, withPartner: e.target.checked }))}
                    aria-controls="partner-fields"
                    className="mt-1 h-4 w-4 shrink-0 accent-brand-600"
                  />
                  <span className="text-sm">
                    <span className="block font-medium text-ink">Booking as a couple? Add your partner</span>
                    <span className="block text-muted">They’ll get their own invite.</span>
                  </span>
                </label>
                <div id="partner-fields" hidden={!details.withPartner} className="mt-4 space-y-4">
                  <Field
                    label="Partner’s name"
                    name="partnerName"
                    autoComplete="off"
                    value={details.partnerName}
                    onChange={set("partnerName")}
                    errors={errors["partner.name"] ?? errors.partner}
                    maxLength={120}
                  />
                  <Field
                    label="Partner’s email"
                    name="partnerEmail"
                    type="email"
                    autoComplete="off"
                    inputMode="email"
                    autoCapitalize="none"
                    spellCheck={false}
                    value={details.partnerEmail}
                    onChange={set("partnerEmail")}
                    errors={errors["partner.email"]}
                  />
                </div>
              </div>
            ) : null}

            <div className="border-t border-line pt-5">
              {lateWarning ? (
                <p role="note" data-testid="late-booking-warning" className="mb-4 rounded-lg border border-clay-600/30 bg-clay-100 px-4 py-3 text-sm text-clay-600">
                  {lateWarning}
                </p>
              ) : (
                <p className="mb-4 text-sm text-muted">{policyText} You’ll get a link to do either in your confirmation email.</p>
              )}
              {payChoices.credits > 0 || payChoices.pkg ? (
                <fieldset className="mb-4 space-y-2">
                  <legend className="mb-1 text-sm font-medium text-ink">How you pay</legend>
                  {payChoices.credits > 0 ? (
                    <PayOption checked={payWith === "credit"} onChange={() => setPayWith("credit")}>
                      {`Use one of your ${payChoices.credits} session${payChoices.credits === 1 ? "" : "s"}`}
                    </PayOption>
                  ) : null}
                  {payChoices.pkg ? (
                    <PayOption checked={payWith === "package"} onChange={() => setPayWith("package")}>
                      {`Buy the ${payChoices.pkg.label} and book this session`}
                    </PayOption>
                  ) : null}
                  <PayOption checked={payWith === "single"} onChange={() => setPayWith("single")}>
                    {payAtBooking ? `Pay for this session (${payAtBooking})` : "Book this session on its own"}
                  </PayOption>
                </fieldset>
              ) : null}
              {payWith === "package" && payChoices.pkg ? (
                <p className="mb-4 text-sm text-ink">Next you pay for the package on the secure checkout page. We hold this time for you for 30 minutes while you pay; this session uses its first credit.</p>
              ) : payWith === "single" && payAtBooking ? (
                <p className="mb-4 text-sm text-ink">{`Next you pay ${payAtBooking} on the secure checkout page. We hold this time for you for 30 minutes while you pay.`}</p>
              ) : null}
              <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass("primary", "w-full sm:w-auto")}>
                {pending ? (
                  <>
                    <Spinner /> Booking…
                  </>
                ) : payWith === "package" || (payWith === "single" && payAtBooking) ? (
                  "Continue to payment"
                ) : (
                  "Confirm booking"
                )}
              </button>
            </div>
          </form>
        </section>
      ) : null}
    </>
  );
}

function PayOption({ checked, onChange, children }: { checked: boolean; onChange: () => void; children: React.ReactNode }) {
  return (
    <label className="flex cursor-pointer items-center gap-2 rounded-lg border border-line px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
      <input type="radio" name="payWith" checked={checked} onChange={onChange} className="h-4 w-4" />
      {children}
    </label>
  );
}
