// The debrief's learning points: rules on this run's numbers pick 3–5 sentences, each tied to one of the design's
// learning objectives (clustering, receptor affinity, Tregs as a sink, NK cells, therapy and the patient, contraction) and quoting
// what happened (pM, cells, days). Pure. Called by buildDebrief.

import type { World } from "../sim/world.ts";
import type { RoleLedger } from "./roleLedger.ts";
import { onDay } from "../net/dayClock.ts";
import { shareOfLine } from "../net/leakShare.ts";
import { fmt, fmtPm, POSITIVE_SHARE, pct, threatWords, type RunFacts } from "./runFacts.ts";

const MAX_POINTS = 5;

/** Mean IL-2 (pM) in the sample nearest a day. */
function meanIl2On(world: World, day: number): number {
  let best = world.history[0];
  for (const m of world.history) if (Math.abs(m.day - day) < Math.abs(best.day - day)) best = m;
  return best ? best.values["il2.meanPm"] ?? 0 : 0;
}

/** "once", "3 times", "2,165 times". */
const times = (n: number) => (n === 1 ? "once" : `${fmt(n)} times`);


/** Objective 1: clustered helpers make the IL-2 their clone needs. */
function clustering(f: RunFacts, ledger: RoleLedger): string {
  // the ledger knows who sat at the peak; without it (a ledger that missed steps) the history still has the peak
  const peak = ledger.il2Peak ?? { pm: f.il2Max.value, day: f.il2Max.day, helpers: -1, nearDendritic: false };
  if (peak.pm < 10) {
    return `IL-2 never rose above ${fmtPm(peak.pm)} anywhere: too few switched-on helpers sat together to build an IL-2 cloud, so helpers ${f.helperDivisions === 0 ? "never divided" : `divided only ${times(f.helperDivisions)}`}. Scattered helpers fizzle; clustered ones take off.`;
  }
  const infused = (f.doses.highDose ?? 0) + (f.doses.lowDose ?? 0) > 0;
  if (peak.helpers === 0 && infused) {
    return `IL-2 peaked at ${fmtPm(peak.pm)} on ${onDay(peak.day)}, carried in from the blood by the therapy rather than made by helpers. Helpers ${f.helperDivisions === 0 ? "had not divided yet when the round ended" : `divided ${times(f.helperDivisions)}`}.`;
  }
  const where = peak.helpers < 0 ? "where switched-on helpers made it" : peak.helpers >= 2
    ? `where ${peak.helpers} switched-on helpers sat together${peak.nearDendritic ? " at a dendritic cell" : ""}`
    : peak.helpers === 1 ? `next to a single switched-on helper${peak.nearDendritic ? " at a dendritic cell" : ""}` : "away from any switched-on helper (IL-2 had spread or come from the blood)";
  // Before the first division (a round ended early) "take off" would contradict the count: say when division comes.
  const divided = f.helperDivisions === 0
    ? "Helpers that cluster share the IL-2 they make and take off, but a helper divides only a day or more after it switches on: none had divided yet when this round ended."
    : `Helpers that cluster share the IL-2 they make and take off: they divided ${times(f.helperDivisions)} in this run.`;
  return `IL-2 peaked at ${fmtPm(peak.pm)} on ${onDay(peak.day)}, ${where}. ${divided}`;
}

/** Objectives 2 and 3: Tregs win IL-2 at low levels with their high-affinity receptor. */
function tregs(world: World, f: RunFacts): string {
  const effectorDivisions = f.helperDivisions + f.killerDivisions;
  if (f.tregsAtStart === 0) {
    return `This run had no Tregs, so nothing soaked up IL-2 before the helpers and killers could: they divided ${effectorDivisions} times. Compare a run with Tregs to see the brake.`;
  }
  const c = f.capturedBy;
  const all = c.helpers + c.killers + c.nk + c.tregs;
  const first = world.history[0]?.values ?? {};
  const tCells = (first["count.cd4"] ?? 0) + (first["count.cd8"] ?? 0) + (first["count.treg"] ?? 0);
  const cellShare = tCells ? f.tregsAtStart / tCells : 0, il2Share = all ? c.tregs / all : 0;
  // "only … but" only when the difference shows once rounded (4% against 4% would contradict it)
  let text = il2Share > 1.25 * cellShare && pct(il2Share) !== pct(cellShare)
    ? `Tregs were only ${pct(cellShare)} of the T cells at the start but caught ${pct(il2Share)} of all the IL-2 the immune cells took in over the whole round, thanks to their always-on high-affinity receptor (CD25).`
    : `Tregs were ${pct(cellShare)} of the T cells at the start and caught ${pct(il2Share)} of all the IL-2 the immune cells took in over the whole round: here the helpers, killers and NK cells took most of it.`;
  if (f.tregFirstPositive >= 0) {
    const others = f.cd8FirstPositive;
    const mean = meanIl2On(world, f.tregFirstPositive);
    const killers = others < 0 ? "activated killers never did" : others >= f.tregFirstPositive ? `activated killers followed on ${onDay(others)}` : `activated killers had done so already, on ${onDay(others)}`;
    text += ` They turned pSTAT5-positive on ${onDay(f.tregFirstPositive)}, when IL-2 averaged ${mean < 20 ? "only " : ""}${fmtPm(mean)}; ${killers}.`;
  } else {
    text += ` Even so, IL-2 stayed too low for most of them to turn pSTAT5-positive.`;
  }
  return text;
}

/** Objectives 2 and 4: cells with only CD122 (NK cells, resting killers) need a lot of IL-2. */
function nkCells(world: World, f: RunFacts): string {
  const nk = f.nkPositivePeak;
  // NK cells have no target without a threat, nor in autoimmunity (the threat there is the body's own killer T cells).
  const noTarget = f.noThreat || world.scenario.threat.kind === "self";
  if (nk.value < POSITIVE_SHARE) {
    return `Most NK cells (the CD56dim kind) carry the intermediate receptor, CD122 with almost no CD25, and need IL-2 near 1 nM; the few CD56bright NK cells carry CD25 too and hear lower levels. IL-2 peaked at ${fmtPm(f.il2Max.value)}, so ${pct(nk.value) !== pct(0) ? `at most ${pct(nk.value)} of them were` : "none of them was"} pSTAT5-positive.${noTarget ? "" : ` They killed ${fmt(f.killsByNk)} cells without IL-2's boost.`}`;
  }
  const highDose = f.firstDoseDay.highDose;
  const after = highDose !== undefined && highDose <= nk.day ? " after high-dose IL-2" : "";
  return `NK cells lit up only when IL-2 was plentiful: ${pct(nk.value)} were pSTAT5-positive on ${onDay(nk.day)}${after}. With IL-2 they divided ${fmt(f.nkDivisions)} times${noTarget ? "" : ` and killed ${fmt(f.killsByNk)} cells`}.`;
}

/** Objective 5: what the therapy did and what it cost. */
function therapy(f: RunFacts, ledger: RoleLedger): string | null {
  const given = Object.entries(f.doses).filter(([, n]) => n > 0);
  if (given.length === 0) return null;
  const parts: string[] = [];
  const d = (name: string) => `${f.doses[name]} dose${f.doses[name] === 1 ? "" : "s"} from ${onDay(f.firstDoseDay[name] ?? 0)}`;
  if (f.doses.highDose) {
    parts.push(`High-dose IL-2 (${d("highDose")}) flooded every receptor, so NK pSTAT5 reached ${pct(f.nkPositivePeak.value)}`);
  }
  if (f.doses.lowDose) parts.push(`low-dose IL-2 (${d("lowDose")}) sat in the range only the high-affinity receptor hears, feeding the Tregs`);
  if (f.doses.antiCd25) parts.push(`anti-CD25 (${d("antiCd25")}) took the high-affinity receptor away, from Tregs and activated effectors alike`);
  if (f.doses.cd122Biased) parts.push(`CD122-biased IL-2 (${d("cd122Biased")}) skipped CD25 to favour NK and killer cells`);
  const first = parts.join("; ");
  const leak = f.leakCrossedDay >= 0
    ? `The price: vascular leak peaked at ${shareOfLine(f.leakPeak)} of the dose-limiting line and crossed it on ${onDay(f.leakCrossedDay)}${ledger.withheldDoses ? `, so ${ledger.withheldDoses} dose${ledger.withheldDoses === 1 ? " was" : "s were"} held back` : ""}.`
    : `Vascular leak peaked at ${shareOfLine(f.leakPeak)} of the dose-limiting line: no dose had to be held back.`;
  return `${first.charAt(0).toUpperCase()}${first.slice(1)}. ${leak}`;
}

/**
 * Objective 5: why the same treatment helps one patient and not the next. A tumour that keeps immune cells at its edge
 * ("cold") is out of reach whatever IL-2 does; most melanomas are like that.
 */
function patientTumour(world: World, f: RunFacts): string | null {
  if (world.scenario.threat.kind !== "tumour") return null;
  const reach = world.patient.tumourInfiltration;
  const killed = f.killsByKillers + f.killsByNk;
  if (reach >= 1) {
    return `This patient's tumour was "hot": it let killer T cells and NK cells in among its cells, and they killed ${fmt(killed)} cells. Only about one patient in three has a tumour like this, the kind immune therapies such as IL-2 work best on.`;
  }
  return `This patient's tumour was "cold": it kept killer T cells and NK cells at its edge, so they touched its cells only ${pct(reach)} of the time and killed ${fmt(killed)} cells. Most patients' tumours are like this, one reason high-dose IL-2 helps only about one patient in six.`;
}

/** Contraction: once the threat is gone, IL-2 vanishes and most effectors die. */
function contraction(world: World, f: RunFacts): string | null {
  const { noun } = threatWords(world);
  if (world.outcome === "cleared" && f.killers.value > f.killersEnd * 1.2) {
    return `After the ${noun} was cleared on ${onDay(f.outcomeDay)}, IL-2 fell to ${fmtPm(f.il2MeanEnd)} on average and killer T cells shrank from ${fmt(f.killers.value)} to ${fmt(f.killersEnd)}: without IL-2 most effector cells die, and a few stay on as memory.`;
  }
  if (f.starved > 0) {
    return `${f.starved} immune cells died because they caught too little IL-2 for too long: IL-2 is a survival signal as well as a signal to divide.`;
  }
  return null;
}

/** Objective 6, as a filler: killers divide on IL-2 signal banked through pSTAT5. */
function killers(f: RunFacts): string {
  const lit = f.cd8FirstPositive >= 0 ? `activated killers turned pSTAT5-positive from ${onDay(f.cd8FirstPositive)}` : "activated killers never turned pSTAT5-positive";
  return `Killer T cells divided ${fmt(f.killerDivisions)} times${f.noThreat ? "" : ` and killed ${fmt(f.killsByKillers)} cells`}; ${lit}. After a few divisions driven by antigen alone, each further one needs IL-2 from helpers, read out inside the cell as pSTAT5.`;
}

export function learningPoints(world: World, facts: RunFacts, ledger: RoleLedger): string[] {
  const points = [clustering(facts, ledger), tregs(world, facts), therapy(facts, ledger), patientTumour(world, facts), nkCells(world, facts), contraction(world, facts), killers(facts)];
  return points.filter((p): p is string => p !== null).slice(0, MAX_POINTS);
}
