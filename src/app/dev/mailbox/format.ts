const formatter = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

/** Server-rendered, so shown in UTC (and said so) rather than guessing the reader's zone. */
export function formatInstant(date: Date): string {
  return `${formatter.format(date)} UTC`;
}
