// The client's one way to use browser storage (client/src/storage.ts): text and JSON under a key, and nothing thrown
// when storage is missing, refused (private mode, a locked-down kiosk), full or holding something broken.

import { afterEach, describe, expect, test } from "vitest";
import {
  browserStore, readKept, readText, tabStore, writeKept, writeText, type KeyStore,
} from "../../client/src/storage.ts";
import { FakeStorage } from "./fakeStorage.ts";

/** A storage that refuses every access, as some private modes and kiosk profiles do. */
const refusing: KeyStore = {
  getItem() { throw new Error("SecurityError"); },
  setItem() { throw new Error("SecurityError"); },
  removeItem() { throw new Error("SecurityError"); },
};

describe("browser storage", () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).localStorage;
    delete (globalThis as Record<string, unknown>).sessionStorage;
  });

  test("keeps text and JSON, and forgets a key on null", () => {
    const store = new FakeStorage();
    writeText(store, "a", "1");
    writeKept(store, "b", { seat: 3 });
    expect(readText(store, "a")).toBe("1");
    expect(readKept(store, "b")).toEqual({ seat: 3 });
    writeText(store, "a", null);
    writeKept(store, "b", null);
    expect(store.items.size).toBe(0);
    expect(readText(store, "a")).toBeNull();
  });

  test("a full, refused or missing storage keeps nothing and throws nothing", () => {
    const full = new FakeStorage();
    full.failWrites = true;
    for (const store of [full, refusing, null]) {
      expect(() => writeText(store, "k", "v")).not.toThrow();
      expect(() => writeKept(store, "k", { v: 1 })).not.toThrow();
      expect(readText(store, "k")).toBeNull();
      expect(readKept(store, "k")).toBeNull();
    }
  });

  test("something broken under a key reads as nothing", () => {
    const store = new FakeStorage();
    store.setItem("k", "{not json");
    expect(readKept(store, "k")).toBeNull();
    expect(readText(store, "k")).toBe("{not json");
  });

  test("a browser that refuses the storage objects themselves gives no store", () => {
    for (const name of ["localStorage", "sessionStorage"]) {
      Object.defineProperty(globalThis, name, { configurable: true, get() { throw new Error("SecurityError"); } });
    }
    expect(browserStore()).toBeNull();
    expect(tabStore()).toBeNull();
    expect(readText(browserStore(), "k")).toBeNull();
  });
});
