import { and, eq, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb, rowsOf } from "@/server/db/client";
import { clients, crisisAlerts, emailOutbox, intakeResponses, offerings, questionnaireVersions, questionnaires } from "@/server/db/schema";
import { assignQuestionnaire } from "@/server/intake/assign";
import { getIntakeProfile, intakeStatusFor } from "@/server/intake/coach-view";
import { acknowledgeCrisisAlert, listOpenCrisisAlerts } from "@/server/intake/crisis";
import { ensureIntakeTemplates, getQuestionnaire, listQuestionnaires, saveQuestionnaire, setOfferingIntake } from "@/server/intake/questionnaires";
import { getClientIntake, listClientIntakes, saveIntakeAnswer, submitIntake } from "@/server/intake/responses";
import { cancelBooking, createBooking, rescheduleBooking } from "@/server/scheduling/bookings";
import { createBookablePractice, setTestClock } from "../support/factories";
import { coupleBooked as coupleBookedFor, failure } from "../support/intake";

const ZONE = "America/Los_Angeles";
const NOW = DateTime.fromISO("2027-01-06T08:00", { zone: ZONE });
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toJSDate().toISOString();

beforeEach(() => setTestClock(NOW.toJSDate()));

const coupleBooked = () => coupleBookedFor(ZONE, "2027-01-11T10:00");

describe("questionnaires", () => {
  it("gives every new practice the three templates, the pillars check-in, and its offerings their intake", async () => {
    const { practiceId, offering } = await createBookablePractice(ZONE);
    const list = await listQuestionnaires(practiceId);
    expect(list.map((q) => q.kind).sort()).toEqual(["checkin", "crisis", "one_on_one", "relationship"]);
    expect(offering.intakeQuestionnaireId).toBe(list.find((q) => q.kind === "one_on_one")!.id);
    const crisis = await getQuestionnaire(practiceId, list.find((q) => q.kind === "crisis")!.id);
    // The safety screen comes first.
    expect(crisis.version.content.questions.slice(0, 2).map((q) => q.kind)).toEqual(["section", "yes_no"]);
  });

  it("edits an unanswered version in place, and makes a new version once someone has answered", async () => {
    const { practiceId, sam, offering } = await coupleBooked();
    const [relationship] = await getDb().select().from(offerings).where(eq(offerings.id, offering.id));
    const questionnaireId = relationship!.intakeQuestionnaireId!;
    const first = await getQuestionnaire(practiceId, questionnaireId);
    const edited = { ...first.version.content, title: "Edited once" };
    const same = await saveQuestionnaire(practiceId, questionnaireId, { name: "Relationship intake", content: edited });
    expect(same.id).toBe(first.version.id); // nobody had answered: edited in place

    await saveIntakeAnswer(sam, sam.responseId, "rc_comm_repeat", "4");
    const second = await saveQuestionnaire(practiceId, questionnaireId, { name: "Relationship intake", content: { ...edited, title: "Edited twice" } });
    expect(second.version).toBe(2);
    const { content } = await getClientIntake(sam, sam.responseId);
    expect(content.title).toBe("Edited once"); // the response keeps the version it answered

    // The database itself refuses to change an answered version.
    await expect(getDb().update(questionnaireVersions).set({ content: edited }).where(eq(questionnaireVersions.id, first.version.id))).rejects.toThrow();
    await expect(getDb().delete(questionnaireVersions).where(eq(questionnaireVersions.id, first.version.id))).rejects.toThrow();
  });

  it("refuses a malformed questionnaire with field messages", async () => {
    const { practiceId } = await createBookablePractice(ZONE);
    const [q] = await listQuestionnaires(practiceId);
    const error = await failure(saveQuestionnaire(practiceId, q!.id, { name: "X", content: { title: "T", intro: "", questions: [{ kind: "scale", id: "a", prompt: "" }] } }));
    expect(error.code).toBe("invalid");
    expect(Object.keys(error.fieldErrors ?? {}).some((k) => k.startsWith("questions.0"))).toBe(true);
    const unnamed = await failure(saveQuestionnaire(practiceId, q!.id, { name: " ", content: (await getQuestionnaire(practiceId, q!.id)).version.content }));
    expect(unnamed.fieldErrors?.name).toEqual(["Give the questionnaire a name."]);
  });
});

describe("assignment", () => {
  it("gives each partner their own copy on the first booking, with reminders 72 h and 24 h before", async () => {
    const { responses, booking, sam } = await coupleBooked();
    expect(responses).toHaveLength(2);
    expect(new Set(responses.map((r) => r.clientId))).toEqual(new Set([booking.clientId, booking.partnerClientId]));
    expect(responses.every((r) => r.status === "not_started")).toBe(true);

    const reminders = await getDb().select().from(emailOutbox).where(eq(emailOutbox.topic, `intake:${sam.responseId}`));
    expect(reminders.map((r) => r.sendAfter.getTime() - booking.startsAt.getTime()).sort((a, b) => a - b)).toEqual([-72 * 3_600_000, -24 * 3_600_000]);

    const confirmation = await getDb()
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.topic, `booking:${booking.id}`), eq(emailOutbox.template, "booking-confirmed"), eq(emailOutbox.recipient, "alex@example.test")));
    expect(confirmation[0]!.data.intakeUrl).toBe("http://localhost:3000/portal/intake");
  });

  it("assigns nothing more on a second booking of the same offering", async () => {
    const { practiceId, booking } = await coupleBooked();
    await createBooking(practiceId, { offering: "relationship", start: new Date(at("2027-01-12T10:00")), name: "Sam", email: "sam@example.test", timeZone: "America/New_York", partner: null });
    const all = await getDb().select().from(intakeResponses).where(eq(intakeResponses.clientId, booking.clientId));
    expect(all).toHaveLength(1);
  });

  it("lets the coach assign any questionnaire by hand, but only to their own clients", async () => {
    const { practiceId, sam } = await coupleBooked();
    const crisis = (await listQuestionnaires(practiceId)).find((q) => q.kind === "crisis")!;
    const row = await assignQuestionnaire(practiceId, { clientId: sam.clientId, questionnaireId: crisis.id });
    expect(row.offeringId).toBeNull();
    expect((await listClientIntakes(sam)).map((i) => i.name)).toContain("Crisis intake (with safety screen)");

    const other = await createBookablePractice(ZONE);
    expect((await failure(assignQuestionnaire(other.practiceId, { clientId: sam.clientId, questionnaireId: crisis.id }))).code).toBe("not_found");
  });
});

describe("answering", () => {
  it("autosaves typed answers, refuses bad ones with a field message, and stores nothing readable", async () => {
    const { sam } = await coupleBooked();
    await saveIntakeAnswer(sam, sam.responseId, "rc_comm_repeat", "5");
    await saveIntakeAnswer(sam, sam.responseId, "start_why", "We stopped talking about anything real.");

    for (const [question, value, message] of [
      ["rc_comm_repeat", "6", "The scale runs from 1 to 5."],
      ["sp_physical", "0", "The spectrum runs from 1 to 7."],
      ["start_why", "x".repeat(20_000), "Keep your answer under 20,000 characters."],
    ] as const) {
      const error = await failure(saveIntakeAnswer(sam, sam.responseId, question, value));
      expect(error.code).toBe("invalid");
      expect(error.fieldErrors?.[question]).toEqual([message]);
    }
    expect((await failure(saveIntakeAnswer(sam, sam.responseId, "no_such_question", "1"))).code).toBe("invalid");

    const { response } = await getClientIntake(sam, sam.responseId);
    expect(response.answers).toEqual({ rc_comm_repeat: 5, start_why: "We stopped talking about anything real." });
    expect(response.status).toBe("in_progress");

    const [raw] = rowsOf<{ answers: string }>(await getDb().execute(sql`select answers from intake_responses where id = ${sam.responseId}`));
    expect(raw!.answers).toMatch(/^enc:v1:/);
    expect(raw!.answers).not.toContain("talking");
    expect(raw!.answers).not.toContain("rc_comm_repeat");
  });

  it("keeps each partner's answers from the other: their copy is not found", async () => {
    const { sam, alex } = await coupleBooked();
    await saveIntakeAnswer(alex, alex.responseId, "start_why", "Private to Alex");
    for (const [me, other] of [[sam, alex], [alex, sam]] as const) {
      expect((await failure(getClientIntake(me, other.responseId))).code).toBe("not_found");
      expect((await failure(saveIntakeAnswer(me, other.responseId, "start_why", "overwrite"))).code).toBe("not_found");
      expect((await failure(submitIntake(me, other.responseId))).code).toBe("not_found");
      expect((await listClientIntakes(me)).map((i) => i.id)).toEqual([me.responseId]);
    }
    expect((await getClientIntake(alex, alex.responseId)).response.answers).toEqual({ start_why: "Private to Alex" });
  });

  it("submits once every required question is answered, scores the profile, and changes nothing the second time", async () => {
    const { sam } = await coupleBooked();
    const { content } = await getClientIntake(sam, sam.responseId);
    const missing = await failure(submitIntake(sam, sam.responseId));
    expect(missing.code).toBe("invalid");
    expect(Object.keys(missing.fieldErrors ?? {})).toContain("rc_comm_repeat");

    for (const q of content.questions) {
      if (q.kind === "scale") await saveIntakeAnswer(sam, sam.responseId, q.id, q.id.startsWith("rc_comm") ? "5" : "1");
    }
    const submitted = await submitIntake(sam, sam.responseId);
    expect(submitted.status).toBe("submitted");
    // "I feel heard" (reversed) at 5 → 0; the other three at 5 → 100; weights 1, 2, 1, 1 → 80.
    expect(submitted.profile!.rootCauses.communication).toBe(80);
    expect(submitted.profile!.startWith).toBe("communication");
    expect(submitted.profile!.suggestions[0]).toBe("daily_check_in");

    const again = await submitIntake(sam, sam.responseId);
    expect(again.submittedAt).toEqual(submitted.submittedAt);
    expect((await failure(saveIntakeAnswer(sam, sam.responseId, "rc_comm_repeat", "1"))).code).toBe("conflict");
    const pending = await getDb().select().from(emailOutbox).where(and(eq(emailOutbox.topic, `intake:${sam.responseId}`), eq(emailOutbox.status, "pending")));
    expect(pending).toHaveLength(0);
  });
});

describe("crisis triage", () => {
  it("raises one alert on the first 'yes', emails the coach ahead of everything, and records the acknowledgement", async () => {
    const { practiceId, user } = await createBookablePractice(ZONE, { kind: "crisis", name: "Crisis", slug: "crisis" });
    const booking = await createBooking(practiceId, { offering: "crisis", start: new Date(at("2027-01-08T10:00")), name: "Jo", email: "jo@example.test", timeZone: ZONE, partner: null });
    const [response] = await getDb().select().from(intakeResponses).where(eq(intakeResponses.bookingId, booking.id));
    const scope = { practiceId, clientId: booking.clientId };

    expect((await saveIntakeAnswer(scope, response!.id, "safety_danger", "no")).crisis).toBe(false);
    expect(await listOpenCrisisAlerts(practiceId)).toHaveLength(0);
    expect((await saveIntakeAnswer(scope, response!.id, "safety_danger", "yes")).crisis).toBe(true);
    await saveIntakeAnswer(scope, response!.id, "safety_self_harm", "yes");
    await saveIntakeAnswer(scope, response!.id, "safety_danger", "yes");

    const open = await listOpenCrisisAlerts(practiceId);
    expect(open).toHaveLength(1);
    const mail = await getDb().select().from(emailOutbox).where(eq(emailOutbox.template, "crisis-alert"));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.priority).toBe(0); // urgent: claimed before anything else waiting
    const [client] = await getDb().select().from(clients).where(eq(clients.id, booking.clientId));
    expect(mail[0]!.data).toMatchObject({ clientName: client!.name, clientUrl: `http://localhost:3000/coach/clients/${client!.id}` });

    const other = await createBookablePractice(ZONE);
    expect((await failure(acknowledgeCrisisAlert(other.practiceId, open[0]!.id, other.user.id))).code).toBe("not_found");
    await acknowledgeCrisisAlert(practiceId, open[0]!.id, user.id);
    expect(await listOpenCrisisAlerts(practiceId)).toHaveLength(0);
    const [recorded] = await getDb().select().from(crisisAlerts).where(eq(crisisAlerts.id, open[0]!.id));
    expect(recorded).toMatchObject({ acknowledgedBy: user.id });
    expect(recorded!.acknowledgedAt).toBeInstanceOf(Date);
    expect(await getDb().select().from(questionnaires).where(eq(questionnaires.practiceId, practiceId))).toHaveLength(4);
  });
});

describe("the coach's view", () => {
  async function answerAll(scope: { practiceId: string; clientId: string; responseId: string }, spectrum: string) {
    const { content } = await getClientIntake(scope, scope.responseId);
    for (const q of content.questions) {
      if (q.kind === "scale") await saveIntakeAnswer(scope, scope.responseId, q.id, "3");
      if (q.kind === "spectrum") await saveIntakeAnswer(scope, scope.responseId, q.id, spectrum);
    }
    return submitIntake(scope, scope.responseId);
  }

  it("puts a couple's two submitted profiles side by side, for the coach of that practice only", async () => {
    const { practiceId, sam, alex } = await coupleBooked();
    await answerAll(sam, "2");
    let view = await getIntakeProfile(practiceId, sam.clientId, sam.responseId);
    expect(view.partner).toBeNull(); // Alex hasn't submitted: nothing to compare yet
    expect((await intakeStatusFor(practiceId, [sam.clientId, alex.clientId])).get(alex.clientId)).toBe("not_started");

    await answerAll(alex, "6");
    view = await getIntakeProfile(practiceId, sam.clientId, sam.responseId);
    expect(view.mine.client.id).toBe(sam.clientId);
    expect(view.partner?.client.id).toBe(alex.clientId);
    expect(view.partner?.response.answers.sp_physical).toBe(6);
    expect((await intakeStatusFor(practiceId, [sam.clientId, alex.clientId])).get(alex.clientId)).toBe("submitted");

    // The response under another client's page, or another practice: not found.
    expect((await failure(getIntakeProfile(practiceId, alex.clientId, sam.responseId))).code).toBe("not_found");
    const other = await createBookablePractice(ZONE);
    expect((await failure(getIntakeProfile(other.practiceId, sam.clientId, sam.responseId))).code).toBe("not_found");
    expect((await intakeStatusFor(other.practiceId, [sam.clientId])).size).toBe(0);
  });
});

describe("ensureIntakeTemplates", () => {
  it("gives a practice from before intake its templates and its offerings their intake, once", async () => {
    const { practiceId, offering } = await createBookablePractice(ZONE);
    // As a practice created before the intake migration: no questionnaires, an offering with no intake.
    await getDb().update(offerings).set({ intakeQuestionnaireId: null }).where(eq(offerings.id, offering.id));
    await getDb().delete(questionnaires).where(eq(questionnaires.practiceId, practiceId));

    expect(await ensureIntakeTemplates()).toBeGreaterThanOrEqual(1);
    const list = await listQuestionnaires(practiceId);
    expect(list.map((q) => q.kind).sort()).toEqual(["checkin", "crisis", "one_on_one", "relationship"]);
    const [updated] = await getDb().select().from(offerings).where(eq(offerings.id, offering.id));
    expect(updated!.intakeQuestionnaireId).toBe(list.find((q) => q.kind === "one_on_one")!.id);

    expect(await ensureIntakeTemplates()).toBe(0);
    expect(await listQuestionnaires(practiceId)).toHaveLength(4);
  });

  it("gives a practice from before re-assessment the pillars check-in and leaves its other questionnaires alone", async () => {
    const { practiceId } = await createBookablePractice(ZONE);
    await getDb().delete(questionnaires).where(and(eq(questionnaires.practiceId, practiceId), eq(questionnaires.kind, "checkin")));
    expect(await ensureIntakeTemplates()).toBeGreaterThanOrEqual(1);
    expect((await listQuestionnaires(practiceId)).map((q) => q.kind).sort()).toEqual(["checkin", "crisis", "one_on_one", "relationship"]);
    expect(await ensureIntakeTemplates()).toBe(0);
  });
});

describe("setOfferingIntake", () => {
  it("names another of the practice's questionnaires, or none, and refuses a foreign one", async () => {
    const { practiceId, offering } = await createBookablePractice(ZONE);
    const crisis = (await listQuestionnaires(practiceId)).find((q) => q.kind === "crisis")!;
    expect((await setOfferingIntake(practiceId, { offeringId: offering.id, questionnaireId: crisis.id })).intakeQuestionnaireId).toBe(crisis.id);
    expect((await setOfferingIntake(practiceId, { offeringId: offering.id, questionnaireId: null })).intakeQuestionnaireId).toBeNull();

    // "Required before the first session": kept with a questionnaire, off without one (nothing to require).
    expect(await setOfferingIntake(practiceId, { offeringId: offering.id, questionnaireId: crisis.id, required: true })).toMatchObject({ intakeRequired: true });
    expect(await setOfferingIntake(practiceId, { offeringId: offering.id, questionnaireId: null, required: true })).toMatchObject({ intakeRequired: false });
    expect((await failure(setOfferingIntake(practiceId, { offeringId: offering.id, questionnaireId: crisis.id, required: "yes" as unknown as boolean }))).code).toBe("invalid");

    const other = await createBookablePractice(ZONE);
    const foreign = (await listQuestionnaires(other.practiceId))[0]!;
    expect((await failure(setOfferingIntake(practiceId, { offeringId: offering.id, questionnaireId: foreign.id }))).code).toBe("not_found");
    expect((await failure(setOfferingIntake(other.practiceId, { offeringId: offering.id, questionnaireId: foreign.id }))).code).toBe("not_found");
  });
});

describe("intake reminders follow their booking", () => {
  it("move with a rescheduled session and go when it is canceled", async () => {
    const { practiceId, booking, sam } = await coupleBooked();
    const pending = () =>
      getDb()
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.topic, `intake:${sam.responseId}`), eq(emailOutbox.status, "pending")));
    const moved = await rescheduleBooking({ practiceId }, booking.id, new Date(at("2027-01-13T10:00")), { actor: "coach" });
    const times = (await pending()).map((m) => moved.startsAt.getTime() - m.sendAfter.getTime()).sort((a, b) => a - b);
    expect(times).toEqual([24 * 3_600_000, 72 * 3_600_000]);
    expect((await pending()).every((m) => (m.data as { startIso: string }).startIso === moved.startsAt.toISOString())).toBe(true);

    await cancelBooking({ practiceId }, booking.id, { actor: "coach" });
    expect(await pending()).toHaveLength(0);
  });
});
