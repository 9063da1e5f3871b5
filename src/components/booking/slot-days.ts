// Pure: shared by the server actions that feed the slot picker (booking, manage link, portal).
import { groupSlotsByDay, type Interval } from "@/lib/scheduling/slots";

export type SlotTime = { start: string; end: string };
type SlotDay = { date: string; slots: SlotTime[] };
/** What the slot picker receives for one month: the open times, grouped by date in the booker's zone. */
export type SlotMonth = { timeZone: string; days: SlotDay[] };

export function toSlotMonth(slots: readonly Interval[], timeZone: string): SlotMonth {
  return {
    timeZone,
    days: groupSlotsByDay(slots, timeZone).map((day) => ({
      date: day.date,
      slots: day.slots.map((s) => ({ start: s.start.toISOString(), end: s.end.toISOString() })),
    })),
  };
}
