import { DateTime } from "luxon";
const L="en-US";
const d=new Date("2026-03-09T17:00:00Z");
for (const zone of ["America/Los_Angeles","Asia/Kolkata","UTC","Etc/UTC","Europe/London","Asia/Calcutta","America/Argentina/Buenos_Aires","Etc/GMT+5","Africa/Casablanca","Asia/Dubai","Europe/Kiev","Pacific/Chatham"]) {
  const cal = new Intl.DateTimeFormat(L,{timeZone:zone,weekday:"long",month:"long",day:"numeric",year:"numeric",hour:"numeric",minute:"2-digit"}).format(d);
  const book = new Intl.DateTimeFormat(L,{timeZone:zone,weekday:"long",month:"long",day:"numeric",year:"numeric"}).format(d)+" at "+new Intl.DateTimeFormat(L,{timeZone:zone,hour:"numeric",minute:"2-digit"}).format(d);
  const gen = new Intl.DateTimeFormat(L,{timeZone:zone,timeZoneName:"longGeneric"}).formatToParts(d).find(p=>p.type==="timeZoneName")?.value;
  const so = new Intl.DateTimeFormat(L,{timeZone:zone,timeZoneName:"shortOffset"}).formatToParts(d).find(p=>p.type==="timeZoneName")?.value;
  console.log(JSON.stringify([zone, cal===book, cal, gen, so]));
}
for (const date of ["2026-03-09","2027-01-01"]) {
  const lux = DateTime.fromISO(date,{zone:"UTC"}).setLocale(L).toFormat("cccc, LLLL d, yyyy");
  const intl = new Intl.DateTimeFormat(L,{timeZone:"UTC",weekday:"long",month:"long",day:"numeric",year:"numeric"}).format(new Date(`${date}T00:00:00Z`));
  console.log(lux===intl, lux, intl);
}
console.log(process.versions.icu);
