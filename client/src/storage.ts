// What the browser keeps between visits (localStorage) or for one tab (sessionStorage), as JSON under a key, never
// throwing: storage can be turned off, full, or hold something broken (private modes, an older version of the game).
// Used by the classroom's past classes, removed marks and the tab's class; tests pass a Map-backed stand-in.

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

/** The value kept under `key`, or null when there is none, storage is off, or it is not JSON. */
export function readKept(store: KeyStore | null, key: string): unknown {
  try {
    const raw = store?.getItem(key);
    return raw ? (JSON.parse(raw) as unknown) : null;
  } catch { return null; }
}

/** Keeps `value` under `key` (null: forgets the key); when storage is full or off, nothing is kept. */
export function writeKept(store: KeyStore | null, key: string, value: unknown): void {
  try {
    if (value === null) store?.removeItem(key);
    else store?.setItem(key, JSON.stringify(value));
  } catch { /* full or turned off: nothing kept */ }
}
