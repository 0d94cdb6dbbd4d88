// How a refusal repeats a message type it does not know: clipped, so a long made-up type cannot make a big reply. Pure.
// Used by TissueRoomBase.ts (its catch-all message handler).

/** The longest message type a refusal repeats back; a longer one is cut and ends in an ellipsis. */
export const CLIPPED_TYPE_LENGTH = 40;

/** A message type as a refusal repeats it: at most CLIPPED_TYPE_LENGTH characters and an ellipsis, so a refusal stays small. */
export function clippedType(type: unknown): string {
  const s = String(type);
  return s.length > CLIPPED_TYPE_LENGTH ? `${s.slice(0, CLIPPED_TYPE_LENGTH)}…` : s;
}
