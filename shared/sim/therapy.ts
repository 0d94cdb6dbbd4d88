// Therapies and their pharmacokinetics: high-dose IL-2 boluses (two-phase decay), the low-dose plateau, anti-CD25
// block and CD122-biased IL-2; and the vascular-leak toxicity they drive. Plasma levels in pM, time in ticks.
// Called by step(): queueTherapy for commands and scenario schedules, advanceTherapy once per tick.

import type { TherapyName } from "./therapyNames.ts";
import type { World } from "./world.ts";
import { hoursToTicks } from "./world.ts";

/** Doses in one course of each therapy, and hours between them. */
export function courseOf(world: World, therapy: TherapyName): { doses: number; intervalHours: number } {
  const p = world.params;
  switch (therapy) {
    case "highDose": return { doses: p.highDoseCourseDoses, intervalHours: p.highDoseIntervalHours };
    case "lowDose": return { doses: p.lowDoseCourseDays, intervalHours: 24 };
    case "antiCd25": return { doses: 1, intervalHours: 24 };
    case "cd122Biased": return { doses: p.cd122BiasedCourseDoses, intervalHours: p.cd122BiasedIntervalHours };
  }
}

/** Schedule one dose now, or a whole course starting now. */
export function queueTherapy(world: World, therapy: TherapyName, course: boolean, startTick = world.tick): void {
  const { doses, intervalHours } = course ? courseOf(world, therapy) : { doses: 1, intervalHours: 0 };
  const every = hoursToTicks(world, intervalHours);
  for (let i = 0; i < doses; i++) world.therapy.queue.push({ tick: startTick + i * every, therapy });
  world.therapy.queue.sort((a, b) => a.tick - b.tick);
}

/** High-dose IL-2 is refused while the leak is over the dose-limiting line (as on a ward). */
export function doseAllowed(world: World, therapy: string): boolean {
  return !(therapy === "highDose" && world.therapy.leak >= 1);
}

function giveDose(world: World, therapy: string): void {
  const p = world.params, th = world.therapy;
  if (therapy === "highDose") {
    const peak = p.highDosePeakNm * 1000;
    th.bolusFast += peak * p.highDoseFastShare;
    th.bolusSlow += peak * (1 - p.highDoseFastShare);
  } else if (therapy === "lowDose") {
    th.lowDoseTicksLeft = hoursToTicks(world, p.lowDosePlateauHours);
  } else if (therapy === "antiCd25") {
    th.antiCd25 = Math.max(th.antiCd25, p.antiCd25Block);
  } else if (therapy === "cd122Biased") {
    th.biasedPm += p.cd122BiasedPeakPm;
  }
  th.dosesGiven[therapy] = (th.dosesGiven[therapy] ?? 0) + 1;
  world.counters.doses++;
  world.events.push({ tick: world.tick, kind: "dose", therapy });
}

const halfLifeFactor = (halfLifeHours: number, dtH: number) => Math.exp((-Math.LN2 * dtH) / halfLifeHours);

/** Gives due doses, advances every level one tick, and returns the plasma IL-2 (pM) that vessels see this tick. */
export function advanceTherapy(world: World): number {
  const p = world.params, th = world.therapy, dtH = world.dtH;
  while (th.queue.length && th.queue[0].tick <= world.tick) {
    const due = th.queue.shift()!;
    if (doseAllowed(world, due.therapy)) giveDose(world, due.therapy);
    else {
      const cause = "withheld: vascular leak over the line";
      world.events.push({ tick: world.tick, kind: "dose", therapy: due.therapy, cause });
    }
  }
  th.bolusFast *= halfLifeFactor(p.highDoseFastHalfLifeMin / 60, dtH);
  th.bolusSlow *= halfLifeFactor(p.highDoseSlowHalfLifeMin / 60, dtH);
  // low dose: plasma relaxes toward the plateau while the injection lasts (absorption), then away from it
  const target = th.lowDoseTicksLeft > 0 ? p.lowDosePlateauPm : 0;
  th.lowDosePm += (target - th.lowDosePm) * (1 - Math.exp(-dtH / p.lowDoseAbsorptionHours));
  if (th.lowDoseTicksLeft > 0) th.lowDoseTicksLeft--;
  th.antiCd25 *= halfLifeFactor(p.antiCd25HalfLifeDays * 24, dtH);
  th.biasedPm *= halfLifeFactor(p.cd122BiasedHalfLifeHours, dtH);

  const plasma = p.systemicIl2Pm + th.bolusFast + th.bolusSlow + th.lowDosePm;
  advanceLeak(world, plasma);
  return plasma;
}

/** Leak grows with plasma IL-2 (saturating) scaled by this patient's sensitivity, and recovers on its own. */
function advanceLeak(world: World, plasmaPm: number): void {
  const p = world.params, th = world.therapy, dtH = world.dtH;
  const ec50 = p.leakEc50Nm * 1000;
  const drive = plasmaPm / (plasmaPm + ec50) + (p.cd122BiasedLeakWeight * th.biasedPm) / (th.biasedPm + ec50);
  th.leak += dtH * p.leakGainPerHour * th.leakSensitivity * drive;
  th.leak *= Math.exp(-dtH / p.leakRecoveryHours);
  if (th.leak > th.leakPeak) th.leakPeak = th.leak;
  if (th.leak >= 1 && th.leakCrossedTick < 0) {
    th.leakCrossedTick = world.tick;
    world.events.push({ tick: world.tick, kind: "leak", cause: "vascular leak crossed the dose-limiting line" });
  }
}
