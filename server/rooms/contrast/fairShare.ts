// Who goes next in the contrast queue, and who gives way when it is full, so the queue is shared between addresses
// as the creation limits share rooms (issue 13): one address's rooms, however many rounds they end, cannot keep
// another's waiting or out. A class's round (many devices wait on its one job) goes first and is never dropped for a
// solo round; among the rest, addresses take turns (fewest running, then least recently served), oldest job first. Used by contrastPool.ts.

/** Whose round a job is: the address that created its room, and whether it is a class's (shared by its devices). */
export interface JobOwner { address: string; shared: boolean }

interface Held { owner?: JobOwner }

const addressOf = (h: Held) => h.owner?.address ?? "";

/**
 * Index in `queue` of the job to run next (queue not empty): a class's first; else one of the address with the fewest
 * jobs running, and among those the address served least recently (`lastStarted`: a count at each start), its oldest.
 */
export function nextToRun(queue: readonly Held[], running: Iterable<Held>, lastStarted: ReadonlyMap<string, number>): number {
  const shared = queue.findIndex((h) => h.owner?.shared);
  if (shared >= 0) return shared;
  const busy = new Map<string, number>();
  for (const r of running) busy.set(addressOf(r), (busy.get(addressOf(r)) ?? 0) + 1);
  const rank = (h: Held) => [busy.get(addressOf(h)) ?? 0, lastStarted.get(addressOf(h)) ?? -1];
  let best = 0;
  for (let i = 1; i < queue.length; i++) {
    const [b, l] = rank(queue[i]), [bb, bl] = rank(queue[best]);
    if (b < bb || (b === bb && l < bl)) best = i;
  }
  return best;
}

/**
 * Index of the waiting job to drop so that `newcomer` may wait in a full queue, or -1 when it should be the one
 * turned away: the newest solo job of the address with the most waiting solo jobs, if that address holds more of
 * the queue than the newcomer's would with it (a class's newcomer always takes the place of a solo job).
 */
export function toMakeRoom(queue: readonly Held[], newcomer: JobOwner | undefined): number {
  const mine = newcomer?.address ?? "";
  const waiting = new Map<string, number>();
  for (const h of queue) if (!h.owner?.shared) waiting.set(addressOf(h), (waiting.get(addressOf(h)) ?? 0) + 1);
  let most = "", count = 0;
  for (const [address, n] of waiting) if (n > count) { most = address; count = n; }
  if (count === 0) return -1;
  const minePlusOne = queue.filter((h) => addressOf(h) === mine).length + 1;
  if (!newcomer?.shared && (most === mine || count <= minePlusOne)) return -1;
  for (let i = queue.length - 1; i >= 0; i--) if (!queue[i].owner?.shared && addressOf(queue[i]) === most) return i;
  return -1;
}
