// The teacher's choice, in the class setup, of how long the class keeps an away student's seat (a sleeping device, a
// lost Wi-Fi): for the whole round (no option sent) or a number of minutes. Part of the wire contract: the server
// checks it at the door (server/rooms/classroom/sessionOptions.ts) and applies it under its own upper bound
// (CLASS_SEAT_HOLD_MINUTES, server/rooms/classroom/seatHold.ts); the class's state says it back (TissueState
// seatHoldMinutes, 0 for the whole round) so a student's page tells the truth. Units: minutes.

/** The option's name in ClassroomCreateOptions. */
export const SEAT_HOLD_OPTION = "seatHoldMinutes";
/** Bounds of the option, whole minutes: at least a short sleep; at most a school day. */
export const SEAT_HOLD_CHOICE_RANGE = [2, 600] as const;

/** What the teacher's setup offers: null keeps the seat for the whole round (the default). */
export const SEAT_HOLD_CHOICES: readonly { minutes: number | null; label: string }[] = [
  { minutes: null, label: "For the whole round" },
  { minutes: 10, label: "For 10 minutes" },
  { minutes: 2, label: "For 2 minutes" },
];

/** Why a seat-hold option is refused, or null if it is fine (absent means the whole round). */
export function seatHoldProblem(value: unknown): string | null {
  if (value === undefined) return null;
  const [lo, hi] = SEAT_HOLD_CHOICE_RANGE;
  if (typeof value === "number" && Number.isInteger(value) && value >= lo && value <= hi) return null;
  return `${SEAT_HOLD_OPTION} must be a whole number of minutes from ${lo} to ${hi}, or left out to keep seats for the whole round`;
}

/** "for 10 minutes" / "until the round ends": how long an away student's seat is kept, from the state's value. */
export function seatHoldWords(minutes: number): string {
  if (!(minutes > 0)) return "until the round ends";
  return `for ${minutes} minute${minutes === 1 ? "" : "s"}`;
}
