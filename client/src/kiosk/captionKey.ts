// Which string key the kiosk's caption bar shows next from a family of keys (attract captions, round tips), in turn.
// None while the string tables have not arrived (or have no such keys): the caption then keeps what it shows, instead
// of the word "undefined" that an empty list used to give (seen cut to "undefi…" on phones). Pure; used by
// attract.ts and kioskRound.ts, tested by test/unit/kioskStrings.test.ts.

/** The key at position `index` of `keys`, going round; null when there are no keys. */
export function captionKey(keys: readonly string[], index: number): string | null {
  if (keys.length === 0) return null;
  const i = Math.floor(Number.isFinite(index) ? Math.abs(index) : 0) % keys.length;
  return keys[i];
}
