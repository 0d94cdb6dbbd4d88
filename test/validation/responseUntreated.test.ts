// Case "High-dose IL-2 helps few patients" (responseRates.test.ts), its untreated half: without therapy melanoma
// essentially never clears (aldesleukin label; spontaneous regression of metastatic melanoma is rare, well under 1%),
// and the typical tumour grows. The same 20 patients (seeds) as the treated half, on the experiment runner's 3-minute
// clock (its verdicts hold there with room to spare: responsePatients.ts). Patients: responsePatients.ts.

import { describe, expect, test } from "vitest";
import { report, SEEDS } from "./harness.ts";
import { cured, DAYS, listed, medianRatio, patients, responders } from "./responsePatients.ts";

describe("untreated melanoma over 20 patients", () => {
  test("no tumour clears, at most one shrinks to a response, and the typical tumour grows", () => {
    const untreated = patients(false);
    report(`no therapy, melanoma, day ${DAYS}`, { orr: responders(untreated).length / SEEDS, cr: cured(untreated).length / SEEDS, medianBurden: medianRatio(untreated) });
    console.log(`[validation] no therapy, burden on day ${DAYS} / start (H hot, C cold): ${listed(untreated)}`);
    expect(cured(untreated)).toHaveLength(0);
    expect(responders(untreated).length).toBeLessThanOrEqual(1);
    expect(medianRatio(untreated)).toBeGreaterThan(1);
  });
});
