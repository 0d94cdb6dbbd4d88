// A Map-backed stand-in for the browser's localStorage in unit tests (the unit project runs in Node, without a DOM).
// setItem can be told to fail, as a full or turned-off storage does. Used by removedMark and pastClasses tests.

export class FakeStorage implements Storage {
  readonly items = new Map<string, string>();
  failWrites = false;
  get length(): number { return this.items.size; }
  clear(): void { this.items.clear(); }
  getItem(key: string): string | null { return this.items.get(key) ?? null; }
  key(index: number): string | null { return [...this.items.keys()][index] ?? null; }
  removeItem(key: string): void { this.items.delete(key); }
  setItem(key: string, value: string): void {
    if (this.failWrites) throw new Error("QuotaExceededError");
    this.items.set(key, String(value));
  }
  [name: string]: unknown;
}

/** n distinct valid join codes, in a fixed order. */
export function codes(n: number): string[] {
  const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  return Array.from({ length: n }, (_, i) => `KMPQ${alphabet[Math.floor(i / alphabet.length) % alphabet.length]}${alphabet[i % alphabet.length]}`);
}
