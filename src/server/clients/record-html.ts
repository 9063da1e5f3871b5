import "server-only";
import { formatPrice } from "@/lib/format";
import { intakeStatusLabels } from "@/lib/intake/status";
import type { ClientRecord } from "./record";

/** Text into HTML: every value in the page goes through this. */
function esc(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function when(instant: Date | string | null | undefined, timeZone: string): string {
  if (!instant) return "—";
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(instant));
}

/** Multi-line text kept as written, escaped. */
const block = (text: string | null | undefined) => (text ? `<p class="text">${esc(text)}</p>` : `<p class="muted">—</p>`);

const section = (title: string, body: string, empty: string) => `<section><h2>${esc(title)}</h2>${body || `<p class="muted">${esc(empty)}</p>`}</section>`;

/**
 * The export as one standalone, printable page: no scripts, no outside resources, styles inline.
 * Every value is escaped; times are in the practice's zone.
 */
export function renderClientRecordHtml(record: ClientRecord): string {
  const zone = record.practice.timeZone;
  const t = (instant: Date | string | null | undefined) => esc(when(instant, zone));
  const c = record.client;

  const sessions = record.sessions
    .map(
      (s) => `<article>
  <h3>${esc(s.offering)}: ${t(s.startsAt)}</h3>
  <p class="meta">Status: ${esc(s.status)} · Payment: ${esc(s.paymentStatus)}${s.withPartner ? ` · Joint session with ${esc(s.withPartner)}` : ""}${s.canceledAt ? ` · Canceled ${t(s.canceledAt)}${s.cancelReason ? ` (${esc(s.cancelReason)})` : ""}` : ""}</p>
  ${s.noteToCoach ? `<h4>Note to the coach when booking</h4>${block(s.noteToCoach)}` : ""}
  ${s.notes.shared ? `<h4>Shared session note</h4>${block(s.notes.shared.body)}` : ""}
  ${"private" in s.notes && s.notes.private ? `<h4>Coach's private note</h4>${block(s.notes.private.body)}` : ""}
</article>`,
    )
    .join("");

  const intakes = record.intakes
    .map(
      (i) => `<article>
  <h3>${esc(i.title || i.questionnaire)}</h3>
  <p class="meta">${esc(intakeStatusLabels[i.status])} · assigned ${t(i.assignedAt)}${i.submittedAt ? ` · submitted ${t(i.submittedAt)}` : ""}</p>
  <dl>${i.questions.map((q) => `<dt>${esc(q.prompt)}</dt><dd>${q.answerText ? `<span class="text">${esc(q.answerText)}</span>` : `<span class="muted">Not answered</span>`}</dd>`).join("")}</dl>
</article>`,
    )
    .join("");

  const homework = record.homework
    .map(
      (h) => `<article>
  <h3>${esc(h.title)}</h3>
  <p class="meta">Assigned ${t(h.assignedAt)} · ${esc(h.status)}${h.sharedWithPartner ? " · shared with partner" : ""}</p>
  ${block(h.instructions)}
  ${h.personalInstructions ? `<h4>For you</h4>${block(h.personalInstructions)}` : ""}
  ${
    h.entries.length
      ? `<h4>Entries</h4><ul>${h.entries.map((e) => `<li>${esc(e.occurrenceDate)}${e.rating ? ` · ${esc(e.rating)}/5` : ""}${e.reflection ? `<p class="text">${esc(e.reflection)}</p>` : ""}</li>`).join("")}</ul>`
      : ""
  }
</article>`,
    )
    .join("");

  const refundList = (list: { amountCents: number; status: string; confirmedAt: Date | null; createdAt: Date }[], currency: string) =>
    list.map((r) => `${esc(formatPrice(r.amountCents, currency))} (${esc(r.status)}, ${t(r.confirmedAt ?? r.createdAt)})`).join("<br>") || "—";
  const table = (heads: string[], rows: string[]) =>
    rows.length ? `<table><thead><tr>${heads.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table>` : "";
  const money = [
    table(
      ["Session", "Amount", "Status", "Paid", "Refunds"],
      record.payments.map(
        (p) =>
          `<tr><td>${esc(p.session.offering)}, ${t(p.session.startsAt)}</td><td>${esc(formatPrice(p.amountCents, p.currency))}</td><td>${esc(p.status)}</td><td>${t(p.paidAt)}</td><td>${refundList(p.refunds, p.currency)}</td></tr>`,
      ),
    ),
    table(
      ["Package", "Amount", "Status", "Paid", "Refunds"],
      record.packages.map(
        (p) =>
          `<tr><td>${esc(p.package)}</td><td>${esc(formatPrice(p.amountCents, p.currency))}</td><td>${esc(p.status)}</td><td>${t(p.paidAt)}</td><td>${refundList(p.refunds, p.currency)}</td></tr>`,
      ),
    ),
    table(
      ["Plan month", "Amount", "Refunded", "Paid", "Refunds"],
      record.planMonths.map(
        (m) =>
          `<tr><td>${esc(m.plan)}, ${t(m.periodStart)} to ${t(m.periodEnd)}</td><td>${esc(formatPrice(m.amountCents, m.currency))}</td><td>${esc(formatPrice(m.refundedCents, m.currency, { freeLabel: "—" }))}</td><td>${m.state === "paid" ? t(m.paidAt) : esc("Payment failed")}</td><td>${refundList(m.refunds, m.currency)}</td></tr>`,
      ),
    ),
  ].join("");

  const emails = record.emails.length
    ? `<table><thead><tr><th>Subject</th><th>Status</th><th>Sent</th></tr></thead><tbody>${record.emails
        .map((e) => `<tr><td>${esc(e.subject)}</td><td>${esc(e.status)}</td><td>${t(e.sentAt)}</td></tr>`)
        .join("")}</tbody></table>`
    : "";

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(c.name)}: client record, ${esc(record.practice.name)}</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; color: #1f2933; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.6rem; margin-bottom: .25rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #d9dee3; padding-bottom: .25rem; }
  h3 { font-size: 1.05rem; margin: 1.25rem 0 .25rem; } h4 { font-size: .9rem; margin: .75rem 0 .25rem; }
  .meta, .muted { color: #52606d; font-size: .9rem; } .text { white-space: pre-wrap; }
  dt { font-weight: 600; margin-top: .5rem; } dd { margin: 0 0 0 1rem; }
  table { border-collapse: collapse; width: 100%; font-size: .9rem; } th, td { text-align: left; border-bottom: 1px solid #e4e7eb; padding: .3rem .4rem; vertical-align: top; }
  article { break-inside: avoid; }
  @media print { body { margin: 0; } a { color: inherit; } }
</style>
</head>
<body>
<h1>${esc(c.name)}</h1>
<p class="meta">Client record kept by ${esc(record.practice.name)} (${esc(record.practice.contactEmail)}). Exported ${t(record.exportedAt)}; times in ${esc(zone)}.${
    record.audience === "client" ? " This is your own copy: the coach's private working notes are not part of it." : ""
  }</p>
${section(
  "Profile",
  `<dl><dt>Name</dt><dd>${esc(c.name)}</dd><dt>Email</dt><dd>${esc(c.email)}</dd><dt>Phone</dt><dd>${esc(c.phone ?? "—")}</dd><dt>Time zone</dt><dd>${esc(c.timeZone)}</dd><dt>Client since</dt><dd>${t(c.addedAt)}</dd>${
    record.partner ? `<dt>Partner</dt><dd>${esc(record.partner.name)}</dd>` : ""
  }<dt>Homework emails</dt><dd>${esc(record.emailPreferences.homeworkEmail)}</dd>${c.deletionRequestedAt ? `<dt>Deletion requested</dt><dd>${t(c.deletionRequestedAt)}</dd>` : ""}</dl>`,
  "",
)}
${section("Sessions", sessions, "No sessions.")}
${section("Intake and assessments", intakes, "No questionnaires.")}
${section("Homework", homework, "No homework.")}
${section("Payments", money, "No payments.")}
${section("Emails sent", emails, "No emails.")}
${record.crisisAlerts.length ? section("Safety alerts", `<ul>${record.crisisAlerts.map((a) => `<li>Raised ${t(a.raisedAt)}${a.acknowledgedAt ? `, seen by the coach ${t(a.acknowledgedAt)}` : ""}</li>`).join("")}</ul>`, "") : ""}
</body>
</html>
`;
}
