// One day count for every screen and sentence: a moment of the round is written as players count days, from one
// ("Day 1, 00:00" at the start, "day 2 at 06:00" thirty hours in); a length of time is written in days ("2.5 days").
// Pure. Used by the HUD, the debrief's moments and sentences, the learning points and the class dashboard.

/** The one-based day and the time of day of a moment `day` simulated days after the start. */
export function dayAndTime(day: number): { day: number; time: string } {
  const d = Number.isFinite(day) && day > 0 ? day : 0;
  let whole = Math.floor(d);
  let minutes = Math.round((d - whole) * 24 * 60);
  if (minutes >= 24 * 60) { whole += 1; minutes = 0; }
  const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
  const mm = String(minutes % 60).padStart(2, "0");
  return { day: whole + 1, time: `${hh}:${mm}` };
}

/** The clock: "Day 1, 00:00" at the start. */
export function formatClock(day: number): string {
  const t = dayAndTime(day);
  return `Day ${t.day}, ${t.time}`;
}

/** A moment inside a sentence: "day 2 at 06:00" (so "on day 2 at 06:00", "from day 1 at 12:00"). */
export function onDay(day: number): string {
  const t = dayAndTime(day);
  return `day ${t.day} at ${t.time}`;
}

/** A length of simulated time: "1 day", "2.5 days", "8 days" (a tenth of a day at most). */
export function daysLong(days: number): string {
  const d = Number.isFinite(days) && days > 0 ? Math.round(days * 10) / 10 : 0;
  return `${d} day${d === 1 ? "" : "s"}`;
}
