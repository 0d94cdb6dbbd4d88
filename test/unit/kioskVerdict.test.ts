// The kiosk's result verdict follows the numbers beside it (client/src/kiosk/resultScreen.ts verdictKey): it never says
// the clone "took off" when the helpers at the end are as many as at the start (the "74 → 74" seen in the gallery).

import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { GATHERED_IL2_PM, TOOK_OFF_RATIO, verdictKey } from "../../client/src/kiosk/resultScreen.ts";

const en = JSON.parse(readFileSync(new URL("../../assets/strings/en.json", import.meta.url), "utf8")) as Record<string, string>;
const high = GATHERED_IL2_PM + 50, low = GATHERED_IL2_PM - 30;

describe("the kiosk verdict", () => {
  test("gathered helpers whose number did not grow: they made IL-2, but did not divide in time", () => {
    expect(verdictKey({ cd4Start: 74, cd4End: 74, il2PeakPm: high })).toBe("result.madeIl2");
    expect(en["result.madeIl2"]).not.toMatch(/took off/);
  });

  test("took off only when the helpers clearly multiplied", () => {
    expect(verdictKey({ cd4Start: 74, cd4End: Math.ceil(74 * TOOK_OFF_RATIO), il2PeakPm: high })).toBe("result.grew");
    expect(verdictKey({ cd4Start: 74, cd4End: 80, il2PeakPm: high })).toBe("result.began");
    expect(en["result.grew"]).toMatch(/took off/);
  });

  test("thin IL-2: flat, or grown a little on its own", () => {
    expect(verdictKey({ cd4Start: 74, cd4End: 74, il2PeakPm: low })).toBe("result.flat");
    expect(verdictKey({ cd4Start: 74, cd4End: 60, il2PeakPm: low })).toBe("result.flat");
    expect(verdictKey({ cd4Start: 74, cd4End: 90, il2PeakPm: low })).toBe("result.grewAlone");
  });

  test("only the took-off verdict says the clone took off", () => {
    for (const key of ["result.began", "result.madeIl2", "result.grewAlone", "result.flat"]) expect(en[key], key).not.toMatch(/took off/);
  });
});
