// Case "High-dose IL-2 helps few patients, and cures fewer" (aldesleukin label; Atkins 1999 J Clin Oncol; Rosenberg
// 1994 JAMA): over many patients with metastatic melanoma, about one in six responds (ORR ~16%) and about one in twenty
// has a complete response (CR ~6%). Patients differ (drawPatient): tumour immunogenicity, MHC-low share, PD-L1 and,
// above all, whether the tumour lets immune cells in ("hot", T-cell-inflamed, about a third of melanomas: Harlin 2009,
// Spranger 2015) or keeps them at its edge ("cold"). The responders should be the hot tumours. Untreated patients are
// responseUntreated.test.ts (a file of its own, so the two halves run side by side). Patients: responsePatients.ts.

import { describe, expect, test } from "vitest";
import { report, SEEDS } from "./harness.ts";
import { cured, DAYS, listed, medianRatio, patients, responders, type Patient } from "./responsePatients.ts";

describe("high-dose IL-2 over 20 melanoma patients", () => {
  test("about one patient in six responds and few are cured; the responders' tumours are hot; the typical tumour shrinks", () => {
    const treated = patients(true);
    const orr = responders(treated).length / SEEDS, cr = cured(treated).length / SEEDS;
    const hot = treated.filter((p) => p.hot), cold = treated.filter((p) => !p.hot);
    const rate = (ps: Patient[]) => (ps.length ? responders(ps).length / ps.length : 0);
    report(`high dose, melanoma, day ${DAYS}`, { orr, cr, hotPatients: hot.length, hotResponseRate: rate(hot), coldResponseRate: rate(cold), medianBurden: medianRatio(treated) });
    console.log(`[validation] high dose, burden on day ${DAYS} / start (H hot, C cold): ${listed(treated)}`);
    // label ORR ~16% (1 to 7 of 20 patients); CR ~6% (at most 3 of 20)
    expect(orr).toBeGreaterThanOrEqual(0.05);
    expect(orr).toBeLessThanOrEqual(0.35);
    expect(cr).toBeLessThanOrEqual(0.15);
    // the mechanism: hot tumours respond more often than cold ones
    expect(hot.length).toBeGreaterThan(0);
    expect(rate(hot)).toBeGreaterThan(rate(cold));
    // the course still shrinks the typical tumour, which grows untreated (responseUntreated.test.ts)
    expect(medianRatio(treated)).toBeLessThan(1);
  });
});
