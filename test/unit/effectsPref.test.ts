// Reduced effects: the player's choice, and the automatic switch that happens once and never overrides a choice
// (client/src/ui/effectsPref.ts). A small in-memory localStorage stands in for the browser's.

import { beforeEach, describe, expect, test, vi } from "vitest";

const store = new Map<string, string>();
vi.stubGlobal("localStorage", {
  getItem: (k: string) => store.get(k) ?? null,
  setItem: (k: string, v: string) => void store.set(k, v),
  removeItem: (k: string) => void store.delete(k),
});

beforeEach(() => {
  store.clear();
  vi.resetModules();
});

const load = () => import("../../client/src/ui/effectsPref.ts");

describe("effects preference", () => {
  test("with no choice, the automatic switch reduces effects once and says so to listeners", async () => {
    const p = await load();
    const heard: boolean[] = [];
    p.onEffectsChange((r) => heard.push(r));
    expect(p.effectsReduced()).toBe(false);
    expect(p.autoReduceEffects()).toBe(true);
    expect(p.effectsReduced()).toBe(true);
    expect(p.autoReduceEffects()).toBe(false); // once
    expect(heard).toEqual([true]);
  });

  test("the player's choice is remembered and wins over the automatic switch", async () => {
    const p = await load();
    p.chooseEffects("full");
    expect(store.get("cytokine-command:effects")).toBe("full");
    expect(p.autoReduceEffects()).toBe(false);
    expect(p.effectsReduced()).toBe(false);
    p.chooseEffects("reduced");
    expect(p.effectsReduced()).toBe(true);
    // A new page (fresh module) reads the remembered choice.
    vi.resetModules();
    const again = await load();
    expect(again.effectsChoice()).toBe("reduced");
    again.chooseEffects("auto");
    expect(store.has("cytokine-command:effects")).toBe(false);
  });
});
