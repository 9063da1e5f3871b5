import * as B from "../src/components/booking/format";
import * as C from "../src/app/coach/calendar/format";
import * as E from "../emails/components/session-time";
import * as L from "../src/lib/format";
import * as N from "../src/lib/time/format";
const zones = ["America/Los_Angeles","Asia/Kolkata","UTC","Etc/UTC","Europe/London","Asia/Calcutta","America/Argentina/Buenos_Aires","Etc/GMT+5","Africa/Casablanca","Pacific/Chatham","Australia/Lord_Howe","America/Havana","Europe/Kiev","America/Sao_Paulo","Asia/Kathmandu"];
const instants = ["2026-03-08T09:30:00Z","2026-03-08T10:30:00Z","2026-11-01T08:30:00Z","2026-11-01T09:30:00Z","2026-12-31T23:59:00Z","2027-01-01T00:00:00Z","2026-06-15T12:00:00Z"];
let bad = 0;
const check = (what: string, a: unknown, b: unknown) => { if (a !== b) { bad++; console.log("DIFF", what, JSON.stringify(a), JSON.stringify(b)); } };
for (const z of zones) for (const i of instants) for (const j of instants) {
  const d = new Date(i), e = new Date(j);
  if (d < e) { check(`range ${z} ${i} ${j}`, B.formatTimeRange(i, j, z), N.formatTimeRange(d, e, z)); check(`crange`, C.formatTimeRange(d, e, z), N.formatTimeRange(i, j, z)); }
  if (i !== j) continue;
  check(`time ${z} ${i}`, B.formatTime(i, z), N.formatTime(d, z));
  check(`ctime`, C.formatTime(d, z), N.formatTime(i, z));
  check(`when ${z}`, B.formatWhen(i, z), N.formatWhen(i, z));
  check(`cwhen ${z}`, C.formatWhen(d, z), N.formatWhen(d, z));
  check(`daylong`, B.formatDayLong(i, z), N.formatDayLong(i, z));
  check(`edaylong`, E.formatDay(i, z), N.formatDayLong(i, z));
  check(`dayshort`, B.formatDayShort(i, z), N.formatDayShort(i, z));
  check(`edayshort`, E.formatDayShort(i, z), N.formatDayShort(i, z));
  check(`eclock`, E.formatClock(i, z), N.formatTime(i, z).replace(/[\u00a0\u2009\u202f]/g, " "));
  check(`abbr`, E.zoneAbbreviation(i, z), N.zoneAbbreviation(z, i));
  check(`zoneName ${z}`, B.zoneName(z, d), N.zoneName(z, d));
  check(`czoneName ${z}`, C.zoneName(z, d), N.zoneNameWithId(z, d));
  check(`describe ${z}`, B.describeZone(z, d), N.describeZone(z, d));
  check(`offset`, B.zoneOffset(z, d), N.zoneOffset(z, d));
  check(`city`, B.zoneCity(z), N.zoneCity(z));
  for (const k of instants) check(`inlist`, B.formatDayInList(i, z, k), N.formatDayInList(i, z, k));
}
const dates = ["2026-03-09","2026-03-15","2026-03-30","2026-04-05","2026-12-28","2027-01-03","2026-09-01","2026-02-28"];
for (const a of dates) {
  check(`long ${a}`, C.formatLongDate(a), N.formatLongDate(a));
  check(`key ${a}`, B.formatDateKey(a), N.formatLongDate(a, { year: false }));
  check(`keyy ${a}`, B.formatDateKey(a, { year: true }), N.formatLongDate(a));
  check(`parts ${a}`, JSON.stringify(C.formatDayParts(a)), JSON.stringify(N.formatDayParts(a)));
  check(`month`, B.formatMonth(a.slice(0,7)), N.formatMonth(a.slice(0,7)));
  for (const b of dates) if (a <= b) check(`drange ${a} ${b}`, C.formatDateRange(a, b), N.formatDateRange(a, b));
}
for (let h = 0; h <= 24; h++) check(`hour ${h}`, C.formatHour(h), N.formatHour(h));
for (let m = 0; m <= 1440; m += 15) check(`clock ${m}`, C.formatClock(m), N.formatClock(m));
for (const m of [5, 60, 90, 119, 120, 135, 720]) check(`dur`, L.formatDuration(m), N.formatDuration(m));
for (const z of zones) check(`label`, L.timeZoneLabel(z), N.timeZoneLabel(z));
console.log("differences:", bad);
