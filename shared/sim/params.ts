// Every tunable number of the model, as data: default, range, units, what it means and where it comes from.
// Behaviours read these through a Params object; none of them hides a number of its own. Units are in the names.
// Called by createWorld (with scenario overrides), the experiment runner (--set) and the model document.

export interface ParamSpec {
  default: number;
  min: number;
  max: number;
  units: string;
  description: string;
  source: string;
  integer?: boolean;
  group: ParamGroup;
}

export type ParamGroup =
  | "time" | "field" | "receptors" | "signalling" | "activation" | "division" | "death"
  | "killing" | "movement" | "threat" | "therapy" | "toxicity" | "population";

const p = (
  group: ParamGroup, def: number, min: number, max: number, units: string, description: string, source: string,
  integer = false,
): ParamSpec => ({ group, default: def, min, max, units, description, source, integer });

const CAL = "game calibration against the behaviours in the model document";

export const PARAM_SPECS = {
  // time
  tickSeconds: p("time", 60, 10, 300, "s", "Simulated seconds in one tick", "science.md: 1 tick = 60 s", true),
  diffusionSubsteps: p("time", 4, 1, 12, "count", "Implicit diffusion sub-steps per tick", "science.md: 4-6 sub-steps give ~6% error", true),
  moveSubsteps: p("time", 1, 1, 10, "count", "Crawl steps per tick, each a straight crawl of its share of the tick (the runner's coarser clock takes one per game minute, so cells crawl as on the game's clock)", "game choice: server/experiment/clock.ts", true),
  metricsEveryTicks: p("time", 10, 1, 600, "ticks", "Ticks between two samples of the metrics", "game choice", true),

  // field
  slabThicknessUm: p("field", 30, 10, 60, "µm", "Thickness of the tissue slab the 2D patch stands for (a few cell layers: IL-2 escapes in 3D, so a lone cell's own IL-2 is diluted as around a real cell)", "science.md (10 µm voxels); " + CAL),
  diffusionUm2PerS: p("field", 20, 10, 100, "µm²/s", "IL-2 diffusion coefficient in tissue", "Busse 2010 PNAS; Thurley 2015 (10); free ~100"),
  il2DecayPerHour: p("field", 0.1, 0.01, 2, "1/h", "Extracellular IL-2 decay rate", "science.md: ~0.1 per hour"),
  backgroundSinkPerHour: p("field", 0.3, 0, 5, "1/h", "Weak uptake by consumers the model does not resolve, and drainage", "science.md: keeps empty tissue's range finite"),
  vesselExchangePerHour: p("field", 20, 0, 500, "1/h", "How fast a vessel voxel equilibrates with plasma IL-2", CAL),
  il2BlockFraction: p("field", 0, 0, 1, "fraction", "Share of IL-2 held by a neutralising antibody (1 = no IL-2 reaches receptors)", "experimental tool (anti-IL-2 antibody)"),
  holdIl2Pm: p("field", 0, 0, 100000, "pM", "Hold the IL-2 field at this level everywhere, like a culture dish (0 = off)", "experimental tool"),
  systemicIl2Pm: p("field", 0, 0, 100000, "pM", "Constant plasma IL-2 that enters through the vessels", "experimental tool; low-dose plateau ~25-30 pM (Koreth 2011)"),

  // receptors
  kEndoPerS: p("receptors", 1e-3, 3e-4, 3e-3, "1/s", "Internalisation rate of bound IL-2-receptor complexes", "Tkach 2014 eLife; Duprez 1988; Hemar 1995"),
  kdHighPm: p("receptors", 20, 10, 25, "pM", "Dissociation constant of the high-affinity receptor CD25·CD122·CD132", "Wang & Smith 1987 J Exp Med"),
  kdIntPm: p("receptors", 1500, 1000, 2000, "pM", "Dissociation constant of the intermediate receptor CD122·CD132", "Nagler 1990 J Exp Med"),
  cd25PairingSites: p("receptors", 1000, 100, 10000, "sites", "Dissociation constant of CD25 pairing with CD122·CD132, in sites: high-affinity sites are the pairs at equilibrium, never more than either chain", CAL + " (Nagler 1990: ~1,200 high-affinity sites on CD56bright NK)"),
  receptorCv: p("receptors", 0.3, 0, 1, "CV", "Cell-to-cell variation of receptor numbers", "Farhat 2021 Cell Rep (ranges)"),
  tregCd25: p("receptors", 3800, 2700, 4900, "sites", "CD25 on a resting Treg", "Farhat 2021 Cell Rep"),
  tregCd122: p("receptors", 750, 550, 950, "sites", "CD122 on a resting Treg", "Farhat 2021 Cell Rep"),
  cd4Cd25: p("receptors", 400, 230, 580, "sites", "CD25 on a resting conventional CD4 T cell", "Farhat 2021 Cell Rep"),
  cd4Cd122: p("receptors", 200, 100, 300, "sites", "CD122 on a resting conventional CD4 T cell", "Farhat 2021 Cell Rep"),
  cd8Cd25: p("receptors", 50, 0, 70, "sites", "CD25 on a resting CD8 T cell", "Farhat 2021 Cell Rep"),
  cd8Cd122: p("receptors", 575, 370, 780, "sites", "CD122 on a resting CD8 T cell", "Farhat 2021 Cell Rep"),
  nkDimCd25: p("receptors", 28, 20, 35, "sites", "CD25 on a CD56dim NK cell", "Farhat 2021 Cell Rep"),
  nkDimCd122: p("receptors", 7800, 5400, 10200, "sites", "CD122 on a CD56dim NK cell", "Farhat 2021 Cell Rep"),
  nkBrightCd25: p("receptors", 1200, 800, 2000, "sites", "CD25 (high-affinity sites) on a CD56bright NK cell", "Nagler 1990 J Exp Med"),
  nkBrightCd122: p("receptors", 10800, 6000, 15000, "sites", "CD122 on a CD56bright NK cell (~1,200 in high-affinity and ~9,600 in intermediate receptors)", "Nagler 1990 J Exp Med"),
  activatedCd25: p("receptors", 30000, 10000, 100000, "sites", "CD25 on a fully activated effector T cell", "Tkach 2014 eLife"),
  activatedCd122: p("receptors", 3000, 500, 10000, "sites", "CD122 on an activated effector T cell", "Tkach 2014 eLife"),

  // signalling
  pstat5HalfBoundTreg: p("signalling", 290, 100, 800, "sites", "IL-2-bound receptors that give a resting Treg half-maximal pSTAT5 (its EC50 then falls near 20 pM)", "Farhat 2021 Cell Rep; Yu 2015 Diabetes (Treg EC50 10-50 pM)"),
  pstat5HalfBoundCd4: p("signalling", 90, 30, 300, "sites", "IL-2-bound receptors that give a resting helper half-maximal pSTAT5 (EC50 near 0.5 nM)", "Farhat 2021 Cell Rep (CD4 EC50 0.3-1 nM)"),
  pstat5HalfBoundCd8: p("signalling", 340, 150, 800, "sites", "IL-2-bound receptors that give a resting CD8 cell half-maximal pSTAT5 (EC50 near 2 nM)", "Farhat 2021 Cell Rep (CD8 EC50 2-3 nM)"),
  pstat5HalfBoundNkBright: p("signalling", 840, 300, 3000, "sites", "IL-2-bound receptors that give a CD56bright NK cell half-maximal pSTAT5 (EC50 near 30 pM)", "Farhat 2021 Cell Rep (CD56bright EC50 ~30 pM); Nagler 1990"),
  pstat5HalfBoundNkDim: p("signalling", 4500, 2000, 9000, "sites", "IL-2-bound receptors that give a CD56dim NK cell half-maximal pSTAT5 (EC50 near 2 nM)", "Farhat 2021 Cell Rep (NK EC50 2-3 nM)"),
  pstat5HalfBoundBlast: p("signalling", 1000, 300, 3000, "sites", "IL-2-bound receptors that give an activated helper or killer (a blast) half-maximal pSTAT5: fully switched-on CD25 puts its EC50 near 10 pM, half switched-on near 100 pM", "Smith 1988 Science (~10 pM on activated T cells); Tkach 2014 eLife (EC50 falls as CD25 rises)"),
  pstat5Hill: p("signalling", 3, 1, 6, "", "Steepness of the pSTAT5 response", CAL),
  pstat5PositiveLevel: p("signalling", 0.5, 0.1, 0.9, "fraction", "pSTAT5 level above which a cell counts as pSTAT5-positive", "flow-cytometry gate convention"),
  signalTauHours: p("signalling", 6, 4, 8, "h", "Time constant of the integrated IL-2 signal", "science.md: leaky integrator 4-8 h"),
  cd25TauHours: p("signalling", 6, 2, 12, "h", "Time constant of CD25 change", "Busse 2010 PNAS"),
  cd25FeedbackHill: p("signalling", 3, 1, 6, "", "Steepness of pSTAT5 feedback on CD25", "Busse 2010 PNAS"),
  cd25InductionDelayHours: p("signalling", 6, 1, 12, "h", "Hours after activation before antigen-induced CD25 and CD122 reach the surface", "O'Gorman 2009 J Immunol (Tregs signal first); " + CAL),
  cd25AntigenDrive: p("signalling", 0.8, 0, 1, "fraction", "Share of the activated CD25 level that the strongest antigen alone induces (it falls with the square of a weaker antigen's strength); IL-2 feedback gives the rest", "Tkach 2014 eLife (CD25 follows antigen quantity); Busse 2010 PNAS (positive feedback switch)"),
  tregCd25Amplification: p("signalling", 2, 0, 5, "fold", "Extra CD25 a fully signalling Treg makes (graded feedback)", "Busse 2010 PNAS"),

  // activation and secretion
  activationPerHour: p("activation", 2, 0.1, 20, "1/h", "Rate at which a T cell touching its antigen becomes activated", CAL),
  secretionMoleculesPerS: p("activation", 10, 1, 30, "molecules/s", "IL-2 secretion of an activated helper at its peak", "Tkach 2014 eLife (7.5-10/s)"),
  secretionStrongFold: p("activation", 2, 1, 30, "fold", "Secretion under the strongest antigen relative to weak antigen (it grows with the square of the strength; up to ~30x sustained)", "Tkach 2014 eLife"),
  secretionStartHours: p("activation", 1, 0.5, 2, "h", "Delay from activation to the first IL-2", "Sojka 2004 J Immunol"),
  secretionPeakHours: p("activation", 6, 4, 8, "h", "Time from activation to peak IL-2 secretion", "Sojka 2004 J Immunol"),
  secretionPlateauHours: p("activation", 2, 0, 8, "h", "Hours the secretion peak holds before it starts to fade", "Sojka 2004 J Immunol (peak at ~6-8 h); " + CAL),
  secretionEndHours: p("activation", 22, 20, 24, "h", "Time from activation after which only sustained secretion remains", "Sojka 2004 J Immunol"),
  secretionFeedback: p("activation", 1, 0, 1, "fraction", "IL-2's negative feedback on its own production: how far a helper with no IL-2 signal of its own stays above the sustained trickle after the burst, toward its peak, while antigen lasts (0 = none, every helper falls to the trickle; 1 = an unsignalled helper keeps its peak, a signalling one falls to the trickle)", "Villarino 2007 J Exp Med (IL-2 production is limited by the helper's own STAT5 signal); docs/model.md 2.11"),
  secretionFeedbackHalfSignal: p("activation", 0.02, 0, 1, "fraction", "IL-2 signal at which a helper's shut-off of its own IL-2 is half complete (steepness 2; 0 = the shut-off grows in proportion to the signal): a little IL-2 signal shuts it off", "Villarino 2007 J Exp Med; game calibration: at 0.1 the feedback makes up for the Treg sink (docs/model.md 2.11)"),
  secretionSustainedFraction: p("activation", 0.05, 0, 1, "fraction", "Secretion that continues while antigen persists, after the burst", CAL),
  antigenMemoryHours: p("activation", 0.3, 0.1, 2, "h", "How long the antigen signal lingers after contact is lost", "Sojka 2004 (secretion stops within ~0.5 h)"),
  dcAntigenFadeHours: p("activation", 12, 1, 96, "h", "Time constant with which dendritic cells stop showing antigen once the threat is gone", CAL),
  tregContactSuppression: p("activation", 0.6, 0, 1, "fraction", "How much Tregs on a dendritic cell lower activation and IL-2 output there (CTLA-4)", "Vignali 2008 Nat Rev Immunol"),

  // division
  antigenDivisions: p("division", 2, 0, 4, "divisions", "Divisions antigen alone drives, without IL-2", "Marchingo 2014 Science"),
  costimDivisions: p("division", 3, 0, 5, "divisions", "Extra divisions costimulation allows (here they need IL-2 too)", "Marchingo 2014 Science"),
  cd4Il2Divisions: p("division", 4, 0, 12, "divisions", "Most extra divisions IL-2 can add to a CD4 clone (helpers expand about ten times less than killers)", "Marchingo 2014 Science; Homann 2001 Nat Med; Foulds 2002 J Immunol"),
  cd8Il2Divisions: p("division", 11, 0, 14, "divisions", "Most extra divisions IL-2 can add to a CD8 clone", "Marchingo 2014 Science"),
  effectorDivisionSignalHours: p("division", 6, 1, 20, "pSTAT5·h", "IL-2 signal an effector banks for each IL-2-driven division", "Cantrell & Smith 1984 Science; " + CAL),
  tregDivisionSignalHours: p("division", 40, 5, 100, "pSTAT5·h", "IL-2 signal a Treg banks for each division", CAL + " (Tregs rise 5-8x on low dose over weeks)"),
  restingDivisionSignalHours: p("division", 24, 5, 200, "pSTAT5·h", "IL-2 signal a resting (not activated) T cell banks for each division", CAL + " (high-dose IL-2 expands CD8 cells)"),
  nkDivisionSignalHours: p("division", 24, 5, 100, "pSTAT5·h", "IL-2 signal an NK cell banks for each division", CAL),
  readyDivisionsPerHour: p("division", 2, 0.1, 20, "1/h", "Rate at which a cell that may divide does so (mitosis takes time: division comes within about an hour)", "science.md: mitosis takes ~1 h; " + CAL),
  firstDivisionHours: p("division", 30, 24, 36, "h", "Earliest first division after activation", "science.md: 24-36 h"),
  exhaustionOnsetHours: p("division", 72, 0, 336, "h", "Hours of antigen contact an activated T cell bears before it starts to become exhausted (chronic antigen: PD-1 up, less division, IL-2 lost first)", "Wherry 2011 Nat Immunol (chronic infection: exhausted by about day 8); " + CAL),
  exhaustionSpanHours: p("division", 120, 12, 672, "h", "Further hours of antigen contact over which exhaustion grows from none to full; it does not reverse (an epigenetic state)", "Wherry 2011 Nat Immunol; Pauken 2016 Science; " + CAL),
  cycleHours: p("division", 8, 6, 10, "h", "Shortest time between two divisions", "science.md: every ~6-10 h"),
  cd8CycleHours: p("division", 6, 2, 10, "h", "Shortest time between two CD8 divisions", "Yoon 2010 (as short as 2 h)"),

  // death
  deprivationSignalLevel: p("death", 0.15, 0, 0.6, "pSTAT5", "Integrated signal below which an IL-2-dependent cell is deprived", "Pandiyan 2007 Nat Immunol; " + CAL),
  antigenSurvivalHours: p("death", 24, 0, 96, "h", "Hours after its last antigen contact during which an effector is kept alive by antigen (TCR) signals without IL-2", "science.md: effectors without antigen contract; " + CAL),
  aicdPerDay: p("death", 1.5, 0, 6, "1/day", "Activation-induced death rate of an effector that has divided, at full pSTAT5 and full antigen (rate × pSTAT5 × antigen): IL-2 primes cycling T cells for Fas-mediated death on restimulation", "Lenardo 1991 Nature; Refaeli 1998 Immunity; " + CAL),
  terminalEffectorDeathPerDay: p("death", 0.3, 0, 2, "1/day", "Death rate of a short-lived effector that has spent its division destiny, whatever IL-2 or antigen it has (programmed contraction)", "Badovinac 2002 Nat Immunol; Kaech 2003 Nat Immunol (short-lived effectors)"),
  effectorDeprivationPerDay: p("death", 0.4, 0.02, 3, "1/day", "Death rate of a deprived activated effector", "science.md: ~90% loss over ~2 weeks"),
  memoryFraction: p("death", 0.07, 0, 0.2, "fraction", "Share of effectors that become long-lived memory (never deprived)", "science.md: 5-10% remnant"),
  tregDeprivationPerDay: p("death", 0.1, 0, 2, "1/day", "Death rate of a deprived Treg", CAL),
  expandedDeprivationPerDay: p("death", 0.1, 0, 2, "1/day", "Death rate of a deprived NK cell or resting T cell that IL-2 made divide", CAL + " (NK turnover ~2 weeks)"),

  // killing
  ctlKillPerHour: p("killing", 0.3, 0.05, 8, "1/h", "Kill rate of a CD8 killer touching a target that shows antigen", "Halle 2016 Immunity (2-16 kills/day); PhysiCell 15-min kill"),
  ctlUnsignalledPotency: p("killing", 0.25, 0, 1, "fraction", "Killing power of a killer T cell with no IL-2 signal, relative to one signalling fully (IL-2 through STAT5 drives perforin and granzyme B)", "Pipkin 2010 Immunity; Janas 2005 J Immunol"),
  exhaustedKillingLoss: p("killing", 0.5, 0, 1, "fraction", "Share of its killing power a fully exhausted killer T cell has lost", "Wherry 2011 Nat Immunol (cytotoxicity is lost late and partly); " + CAL),
  ctlCooperation: p("killing", 2, 1, 4, "fold", "Faster killing when two or more CD8 killers touch the same target", "Halle 2016 Immunity"),
  nkKillPerHour: p("killing", 0.15, 0.02, 8, "1/h", "Base kill rate of a killing NK cell touching a target", "Vanherberghen 2013 Blood; " + CAL),
  nkKillIl2Boost: p("killing", 2, 0, 8, "fold", "Extra NK killing at full pSTAT5 (rate × (1 + boost·pSTAT5))", "Cooper 2001; seed text"),
  nkNonKillerShare: p("killing", 0.5, 0, 0.9, "fraction", "Share of NK cells that kill nothing", "Vanherberghen 2013 Blood"),
  nkMhcSparing: p("killing", 0.2, 0, 1, "fraction", "NK killing of a tumour cell that still shows MHC class I, relative to one that has lost it (NK cells kill what is missing self)", "Kärre 1986 Nature (missing-self); " + CAL),
  selfKillPerHour: p("killing", 0.15, 0, 4, "1/h", "Kill rate of a self-reactive CD8 on an islet cell", CAL),

  // movement
  tCellSpeedUmPerMin: p("movement", 10, 2, 20, "µm/min", "T cell crawling speed in tissue", "Miller 2002 Science (~10 µm/min)"),
  nkSpeedUmPerMin: p("movement", 8, 2, 20, "µm/min", "NK cell crawling speed in tissue", CAL),
  chemotaxisBias: p("movement", 0.5, 0, 1, "fraction", "Share of a step taken toward a sensed threat or IL-2", CAL),
  commandBias: p("movement", 0.85, 0, 1, "fraction", "Share of a step taken toward a commanded target", "game choice"),
  abilityBias: p("movement", 0.9, 0, 1, "fraction", "Share of a step taken toward the cue when a squad hunts or seeks IL-2 on command", "game choice"),
  engagedSpeedFraction: p("movement", 0.1, 0, 1, "fraction", "Share of its speed a cell keeps while engaged with antigen or a target (T cells arrest on contact)", "Mempel 2004 Nature (T cells stop on dendritic cells that show antigen); " + CAL),
  arrivedSpeedFraction: p("movement", 0.3, 0, 1, "fraction", "Share of its speed a cell keeps once it has reached its commanded point (it mills around there)", "game choice"),
  scatterRadiusVoxels: p("movement", 20, 2, 100, "voxels", "How far from its squad's centre the scatter ability sends a cell, at most (each goes half to all of this)", "game choice"),
  contactVoxels: p("movement", 1.5, 0.5, 1.5, "voxels", "Distance between two cell centres within which they touch (cells are ~10 µm across; the contact search looks one voxel around)", "cell size ~7-10 µm"),
  helperDwellHours: p("movement", 48, 0, 240, "h", "How long an activated helper keeps homing to dendritic cells before it wanders off", "Mempel 2004 Nature (stable contacts, then dispersal); " + CAL),
  maxCellsPerVoxel: p("movement", 2, 1, 8, "cells", "Immune cells that fit in one 10 µm voxel: crowding stops cells moving in, and daughters need room", "cell size ~7-10 µm", true),
  senseRadiusVoxels: p("movement", 6, 1, 20, "voxels", "How far a cell senses a threat (chemokine range)", CAL),

  // threat
  virusEclipseHours: p("threat", 8, 2, 24, "h", "Time from infection to making virus", "typical viral eclipse 6-12 h"),
  virusSpreadPerHour: p("threat", 0.06, 0, 1, "1/h", "Rate at which a producing infected cell infects one neighbour", CAL),
  infectedLifeHours: p("threat", 48, 6, 200, "h", "Time an infected cell survives before the virus kills it", CAL),
  tumourDivisionHours: p("threat", 60, 12, 400, "h", "Mean doubling time of a tumour cell with room to grow", CAL),
  tumourStrengthSpread: p("threat", 0.3, 0, 0.5, "fraction", "How far a new tumour cell's antigen strength may lie from this patient's tumour immunogenicity, either way (drawn evenly in that range)", CAL),
  tumourHiddenShare: p("threat", 0.2, 0, 1, "fraction", "Share of tumour cells born MHC-low (invisible to T cells)", "seed text; " + CAL),
  tumourImmunogenicity: p("threat", 0.6, 0, 1, "fraction", "Mean antigen strength of tumour cells and of the dendritic cells that show tumour antigen", CAL),
  selfAntigenStrength: p("threat", 0.3, 0, 1, "fraction", "Antigen strength of self-antigen on islet cells and on the dendritic cells that show it", CAL),
  damageLimit: p("threat", 0.5, 0.05, 1, "fraction", "Share of the healthy tissue whose loss ends the round (the tissue overrun, or self tissue lost)", "game choice"),
  tumourImmunogenicityCv: p("threat", 0.4, 0, 1, "CV", "Patient-to-patient variation of tumour immunogenicity, drawn once per seed", "Rizvi 2015 Science; McGranahan 2016 Science (antigen load varies widely between patients)"),
  tumourExhaustionFold: p("threat", 20, 1, 40, "fold", "How much faster an hour of contact with a tumour cell exhausts a T cell than contact elsewhere, in a patient of median PD-L1 (PD-1 meets PD-L1, no inflammation)", "Schietinger 2016 Immunity (tumour T cells dysfunctional within 5 days); Iwai 2002 PNAS; " + CAL),
  tumourPdl1Cv: p("threat", 0.6, 0, 1.5, "CV", "Patient-to-patient variation of tumour PD-L1, a factor on tumourExhaustionFold drawn once per seed", "Taube 2012 Sci Transl Med (PD-L1 on ~40% of melanomas, patchy)"),
  tumourInflamedShare: p("threat", 0.35, 0, 1, "fraction", "Share of patients whose tumour lets T and NK cells in (T-cell-inflamed, 'hot'); the others keep them at its edge (excluded or desert, 'cold'), drawn once per seed", "Harlin 2009 Cancer Res (a T-cell-inflamed subset of melanoma metastases); Spranger 2015 Nature; Joyce & Fearon 2015 Science (T-cell exclusion)"),
  tumourExcludedContact: p("threat", 0.15, 0, 1, "fraction", "In a patient whose tumour keeps immune cells out, the share of their contact time with tumour cells they still get (stroma and missing chemokines hold them at the edge)", "Joyce & Fearon 2015 Science; Salmon 2012 J Clin Invest (T cells trapped in tumour stroma); " + CAL),
  tumourHiddenShareCv: p("threat", 0.5, 0, 1, "CV", "Patient-to-patient variation of the share of MHC-low tumour cells, drawn once per seed", "Garrido 2016 Curr Opin Immunol (HLA loss varies between tumours)"),

  // therapy
  highDosePeakNm: p("therapy", 55, 10, 100, "nM", "Peak serum IL-2 after one high-dose bolus", "Konrad 1990 Cancer Res"),
  highDoseFastHalfLifeMin: p("therapy", 13, 5, 30, "min", "Fast half-life of serum IL-2 after a bolus", "Konrad 1990 Cancer Res"),
  highDoseSlowHalfLifeMin: p("therapy", 85, 40, 150, "min", "Slow half-life of serum IL-2 after a bolus", "Konrad 1990 Cancer Res"),
  highDoseFastShare: p("therapy", 0.55, 0, 1, "fraction", "Share of a bolus cleared with the fast half-life", "Konrad 1990 (~0.3-1 nM at 8 h)"),
  highDoseIntervalHours: p("therapy", 8, 4, 24, "h", "Hours between two high-dose boluses in a course", "aldesleukin label"),
  highDoseCourseDoses: p("therapy", 14, 1, 14, "doses", "Doses in one high-dose course", "aldesleukin label", true),
  lowDosePlateauPm: p("therapy", 30, 5, 200, "pM", "Plasma plateau after one low-dose injection", "Koreth 2011; Hartemann 2013"),
  lowDosePlateauHours: p("therapy", 8, 2, 24, "h", "How long the low-dose plateau lasts", "science.md: ~8 h per 1 MIU"),
  lowDoseAbsorptionHours: p("therapy", 1, 0.25, 6, "h", "Time constant with which plasma IL-2 rises to the low-dose plateau after an injection under the skin, and falls once it ends", CAL + " (absorption from under the skin)"),
  lowDoseCourseDays: p("therapy", 5, 1, 30, "days", "Daily low-dose injections in one course", "Hartemann 2013 Lancet Diabetes Endocrinol", true),
  antiCd25Block: p("therapy", 0.99, 0, 1, "fraction", "Share of CD25 an anti-CD25 antibody blocks", "Bielekova 2006 PNAS (daclizumab); Diao 2016 Br J Clin Pharmacol (CD25 saturated through the dosing interval)"),
  antiCd25HalfLifeDays: p("therapy", 20, 1, 40, "days", "Half-life of the anti-CD25 antibody's effect", "daclizumab label (~20 days)"),
  cd122BiasedPeakPm: p("therapy", 3000, 100, 50000, "pM", "Peak tissue level of CD122-biased engineered IL-2 after a dose", CAL),
  cd122BiasedHalfLifeHours: p("therapy", 12, 1, 72, "h", "Half-life of CD122-biased IL-2", CAL + " (long-acting variants)"),
  cd122BiasedKdPm: p("therapy", 300, 30, 3000, "pM", "Affinity of CD122-biased IL-2 for CD122·CD132 (it ignores CD25)", "Levin 2012 Nature (super-2)"),
  cd122BiasedIntervalHours: p("therapy", 24, 8, 168, "h", "Hours between two doses of CD122-biased IL-2 in a course", CAL),
  cd122BiasedCourseDoses: p("therapy", 5, 1, 14, "doses", "Doses in one CD122-biased course", CAL, true),

  // toxicity
  leakEc50Nm: p("toxicity", 5, 0.5, 50, "nM", "Plasma IL-2 giving half-maximal drive to vascular leak", CAL),
  leakGainPerHour: p("toxicity", 0.14, 0, 1, "1/h", "Growth of the leak score at full drive (1 = dose-limiting)", CAL + " (label: leak limits the course)"),
  leakRecoveryHours: p("toxicity", 20, 6, 72, "h", "Time constant of leak recovery once dosing stops", "label: reverses 2-3 days after stopping"),
  leakSensitivityCv: p("toxicity", 0.35, 0, 1, "CV", "Patient-to-patient variation in leak sensitivity", "label: deaths 1-4%, dose-limiting in many"),
  cd122BiasedLeakWeight: p("toxicity", 0.3, 0, 1, "fraction", "Leak drive of CD122-biased IL-2 relative to IL-2", "Levin 2012 Nature (less leak)"),

  // population
  tregShareOfCd4: p("population", 0.07, 0, 0.5, "fraction", "Tregs among CD4 T cells placed by a scenario", "science.md: 5-10% of human CD4"),
  repertoireCv: p("population", 0.4, 0, 1, "CV", "Patient-to-patient variation in how many helper and killer T cells recognise the antigen, drawn once per seed", "Jenkins & Moon 2012 J Immunol (precursor frequencies vary several-fold)"),
  helperInflowPerHour: p("population", 0, 0, 20, "1/h", "New naive helpers that recognise the antigen entering beside each dendritic cell that shows it, per hour, as in a lymph node where T cells keep arriving from the blood (0 = none: one cohort)", "von Andrian & Mempel 2003 Nat Rev Immunol; game choice (off in the game's scenarios)"),
  nkBrightShare: p("population", 0.1, 0, 1, "fraction", "CD56bright among NK cells placed by a scenario", "science.md: ~10% of blood NK"),
} satisfies Record<string, ParamSpec>;

export type ParamName = keyof typeof PARAM_SPECS;
export type Params = { [K in ParamName]: number };

export const PARAM_NAMES = Object.keys(PARAM_SPECS) as ParamName[];

export function defaultParams(): Params {
  const out = {} as Params;
  for (const name of PARAM_NAMES) out[name] = PARAM_SPECS[name].default;
  return out;
}

export function isParamName(name: string): name is ParamName {
  return Object.prototype.hasOwnProperty.call(PARAM_SPECS, name);
}

/** Null when the value is allowed; otherwise a sentence naming the parameter, the problem and what is allowed. */
export function checkParamValue(name: string, value: unknown): string | null {
  if (!isParamName(name)) return `unknown parameter "${name}"`;
  const spec: ParamSpec = PARAM_SPECS[name];
  const range = `${spec.min} to ${spec.max}${spec.units ? " " + spec.units : ""}`;
  if (typeof value !== "number" || !Number.isFinite(value)) return `parameter "${name}" must be a number (${range})`;
  if (value < spec.min || value > spec.max) return `parameter "${name}" is ${value}, outside its range ${range}`;
  if (spec.integer && !Number.isInteger(value)) return `parameter "${name}" must be a whole number (${range})`;
  return null;
}

/** Defaults with overrides applied; throws with every problem listed when an override is not allowed. */
export function makeParams(overrides: Partial<Record<string, number>> = {}): Params {
  const params = defaultParams();
  const problems: string[] = [];
  for (const [name, value] of Object.entries(overrides)) {
    const problem = checkParamValue(name, value);
    if (problem) problems.push(problem);
    else params[name as ParamName] = value as number;
  }
  if (problems.length) throw new Error(problems.join("; "));
  // a copy made in one go has fast properties; the object built one name at a time is in slow dictionary mode, and
  // every process reads parameters in its per-cell loops (13-19% of a tick at 25,000 cells, measured)
  return { ...params };
}
