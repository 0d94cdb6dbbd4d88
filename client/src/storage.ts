// The one way the client uses browser storage: what the browser keeps between visits (localStorage) or for one tab
// (sessionStorage), as text or JSON under a key, never throwing: storage can be turned off, full, or hold something
// broken (private modes, a kiosk, an older version of the game). Used by every module that remembers anything
// (preferences, the reconnection token, classes, the quiz); tests pass a Map-backed stand-in.

/** What getItem/setItem/removeItem of localStorage give. */
export type KeyStore = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** localStorage if this browser lets the page use it (not in some private modes), else null. */
export function browserStore(): KeyStore | null {
  try { return globalThis.localStorage ?? null; } catch { return null; }
}

/** sessionStorage (this tab only, kept across reloads) if the page may use it, else null. */
export function tabStore(): KeyStore | null {
  try { return globalThis.sessionStorage ?? null; } catch { return null; }
}

/** The text kept under `key`, or null when there is none or storage is off. */
export function readText(store: KeyStore | null, key: string): string | null {
  try { return store?.getItem(key) ?? null; } catch { return null; }
}

/** Keeps `text` under `key` (null: forgets the key); when storage is full or off, nothing is kept. */
export function writeText(store: KeyStore | null, key: string, text: string | null): void {
  try {
    if (text === null) store?.removeItem(key);
    else store?.setItem(key, text);
  } catch { /* full or turned off: nothing kept */ }
}

/** The value kept under `key`, or null when there is none, storage is off, or it is not JSON. */
export function readKept(store: KeyStore | null, key: string): unknown {
  const raw = readText(store, key);
  try { return raw ? (JSON.parse(raw) as unknown) : null; } catch { return null; }
}

/** Keeps `value` under `key` as JSON (null: forgets the key); when storage is full or off, nothing is kept. */
export function writeKept(store: KeyStore | null, key: string, value: unknown): void {
  writeText(store, key, value === null ? null : JSON.stringify(value));
}
