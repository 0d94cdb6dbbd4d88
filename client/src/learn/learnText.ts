// Every word of the Learn dialog: the glossary (each term the game shows), "What is IL-2?" and the model card (what is
// simulated, what is simplified, the sources), in plain words for a 14-year-old. [[id|words]] links to a glossary term.
// Checked against docs/model.md (sections 2, 3, 5, 9) by test/unit/learnText.test.ts. Rendered by learnDialog.ts.

export type TermGroup = "IL-2 and its receptor" | "Cells" | "What cells do" | "The round" | "Therapies" | "The model";

export interface GlossaryTerm {
  id: string;
  /** As the game shows it. */
  term: string;
  group: TermGroup;
  /** How docs/model.md section 5 names it: a `code` name (in backticks) or the phrase its bullet defines. */
  doc: string;
  text: string;
}

export const GLOSSARY = [
  // IL-2 and its receptor
  { id: "il2", term: "IL-2 (interleukin-2)", group: "IL-2 and its receptor", doc: "IL-2 (interleukin-2)",
    text: "A small messenger protein (a [[cytokine|cytokine]]) that switched-on [[cd4|helper T cells]] release. Cells that catch enough of it survive and divide. It is what every immune cell in the game competes for." },
  { id: "cytokine", term: "Cytokine", group: "IL-2 and its receptor", doc: "cytokine",
    text: "A messenger protein that immune cells release to signal to cells nearby. There are dozens; the game simulates only IL-2." },
  { id: "heatmap", term: "IL-2 heatmap", group: "IL-2 and its receptor", doc: "IL-2 heatmap",
    text: "The colours under the cells: dark where there is no IL-2, through blue and green to yellow where there is most. Each step of the scale is ten times more IL-2 than the one before. The legend (next to the tissue, below it on a phone) has the numbers, in [[pm|pM]]." },
  { id: "pm", term: "pM and nM (picomolar, nanomolar)", group: "IL-2 and its receptor", doc: "pM and nM",
    text: "Units for how much IL-2 there is. 1 nM is 1,000 pM. The [[highAffinity|high-affinity receptor]] notices IL-2 from about 10 pM; the [[intermediate|intermediate receptor]] needs about 1 nM." },
  { id: "cd25", term: "CD25 (α chain)", group: "IL-2 and its receptor", doc: "`cd25`",
    text: "One chain of the IL-2 receptor. It cannot pass on a signal by itself, but with [[cd122|CD122]] and [[cd132|CD132]] it makes the [[highAffinity|high-affinity receptor]]. Tregs always carry lots; helper and killer T cells make it when switched on; [[nkBright|CD56bright NK cells]] carry some, [[nkDim|CD56dim NK cells]] almost none." },
  { id: "cd122", term: "CD122 (β chain)", group: "IL-2 and its receptor", doc: "`cd122`",
    text: "The receptor chain that, with CD132, passes IL-2's signal into the cell. Every cell that hears IL-2 has it; NK cells carry the most." },
  { id: "cd132", term: "CD132 (γc chain)", group: "IL-2 and its receptor", doc: "CD132",
    text: "The third chain of the receptor, shared with the receptors of other cytokines. The model assumes every immune cell has enough of it, so the microscope says \"plenty\"." },
  { id: "highAffinity", term: "High-affinity receptor", group: "IL-2 and its receptor", doc: "high-affinity receptor",
    text: "CD25 + CD122 + CD132 together. It catches IL-2 even when there are only a few pM about. This is how [[treg|Tregs]] win IL-2 when it is scarce." },
  { id: "intermediate", term: "Intermediate receptor", group: "IL-2 and its receptor", doc: "intermediate receptor",
    text: "CD122 + CD132 without CD25. It needs about a hundred times more IL-2 (around 1 nM). Most NK cells and resting killer T cells have only this one, so they join in only when IL-2 is plentiful." },
  { id: "bound", term: "IL-2 bound now", group: "IL-2 and its receptor", doc: "`bound`",
    text: "IL-2 molecules sitting on a cell's receptors at this moment. The more bound, the stronger the signal." },
  { id: "captured", term: "IL-2 caught (captured)", group: "IL-2 and its receptor", doc: "`captured`",
    text: "IL-2 molecules a cell has taken in and destroyed so far. Each molecule caught is gone for every other cell: that is the competition." },
  { id: "sink", term: "IL-2 sink", group: "IL-2 and its receptor", doc: "IL-2 sink",
    text: "Cells that soak up IL-2 so that others get less. Tregs are the game's sink: they catch IL-2 well when it is scarce, and weakly switched-on cells near them starve, while strongly switched-on cells, full of CD25, still compete." },
  { id: "tugOfWar", term: "IL-2 tug-of-war", group: "IL-2 and its receptor", doc: "IL-2 tug-of-war",
    text: "The bar next to the tissue (below it on a phone): of all the IL-2 caught in the last 6 simulated hours, the share each kind of cell caught (in a class, also each squad). When Tregs take a big share, less is left for the helpers and killers: the [[sink|sink]] at work." },
  { id: "jakStat", term: "JAK-STAT signalling", group: "IL-2 and its receptor", doc: "JAK-STAT",
    text: "What happens inside a cell when IL-2 sits on its receptor: enzymes called JAKs put a phosphate on a protein called STAT5. The result, [[pstat5|pSTAT5]], tells the cell to survive, to divide and to make more CD25." },
  { id: "pstat5", term: "pSTAT5", group: "IL-2 and its receptor", doc: "`pstat5`",
    text: "The IL-2 signal inside a cell, shown from 0 to 100%: how strongly the cell hears IL-2 now. A T cell divides only after enough of it for long enough, and it makes the cell build more CD25, so it catches IL-2 better still (a feedback loop)." },
  { id: "pstat5Positive", term: "pSTAT5-positive", group: "IL-2 and its receptor", doc: "pSTAT5-positive",
    text: "A cell whose pSTAT5 is above a set level, counted as a lab would count it. The charts show the share of each cell type that is pSTAT5-positive: the cells hearing IL-2." },
  // Cells
  { id: "cd4", term: "Helper T cell (CD4)", group: "Cells", doc: "`cd4`",
    text: "A T cell that, once switched on by its [[antigen|antigen]], makes IL-2 and the CD25 to catch it. The only cell in the game that makes IL-2. Helpers that gather share their IL-2 and take off; lone ones fizzle." },
  { id: "cd8", term: "Killer T cell (CD8)", group: "Cells", doc: "`cd8`",
    text: "A T cell that kills cells showing its antigen: infected cells, tumour cells that still show [[mhc|MHC]], and in type 1 diabetes islet cells. It multiplies only with IL-2." },
  { id: "treg", term: "Treg (regulatory T cell)", group: "Cells", doc: "`treg`",
    text: "A T cell that brakes the immune response. It carries the high-affinity receptor all the time, so it soaks up IL-2 (the [[sink|IL-2 sink]]), and it holds back the [[dendritic|dendritic cells]] it touches. It protects healthy tissue, but too strong a brake lets a threat win." },
  { id: "nk", term: "NK cell (natural killer cell)", group: "Cells", doc: "NK cell",
    text: "An immune cell that kills infected and tumour cells without meeting an antigen first, including tumour cells that hide from killer T cells by losing MHC. IL-2 makes NK cells grow and kill harder. Two kinds: [[nkBright|CD56bright]] and [[nkDim|CD56dim]]." },
  { id: "nkBright", term: "CD56bright NK cell", group: "Cells", doc: "`nkBright`",
    text: "About one NK cell in ten. It carries CD25 as well as CD122, so it has high-affinity receptors, hears low IL-2 and grows on it." },
  { id: "nkDim", term: "CD56dim NK cell", group: "Cells", doc: "`nkDim`",
    text: "Most NK cells, and the main NK killers. They carry plenty of CD122 but almost no CD25, so they use the intermediate receptor and need a lot of IL-2 (around 1 nM) to respond." },
  { id: "dendritic", term: "Dendritic cell", group: "Cells", doc: "`dendritic`",
    text: "A cell that picks up pieces of the threat and shows them ([[antigen|antigen]]) to T cells, switching them on. Drawn as a pale star. Helpers gathered at one make IL-2 together." },
  { id: "tissue", term: "Healthy tissue cell", group: "Cells", doc: "`tissue`",
    text: "The body to protect. Tissue that is lost does not grow back during a round." },
  { id: "islet", term: "Islet cell", group: "Cells", doc: "`islet`",
    text: "A cell of the pancreas that makes insulin. In type 1 diabetes the body's own killer T cells attack it, because it shows a self-antigen." },
  { id: "infected", term: "Infected cell", group: "Cells", doc: "`infected`",
    text: "A tissue cell with the virus inside. After a few hours it makes virus and infects its neighbours." },
  { id: "tumour", term: "Tumour cell", group: "Cells", doc: "`tumour`",
    text: "A cancer cell that still shows MHC, so killer T cells can see and kill it." },
  { id: "tumourHidden", term: "MHC-low tumour cell", group: "Cells", doc: "`tumourHidden`",
    text: "A tumour cell that has stopped showing MHC, so killer T cells cannot see it. NK cells catch it: they attack cells that are missing MHC." },
  { id: "coldTumour", term: "Hot and cold tumours", group: "Cells", doc: "hot and cold tumours",
    text: "A hot tumour lets killer T cells and NK cells in among its cells. A cold one keeps them at its edge, so they rarely touch its cells and IL-2 therapy can do little. About a third of melanomas are hot; each round's patient has one or the other, and the debrief says which." },
  { id: "vessel", term: "Blood vessel", group: "Cells", doc: "blood vessel",
    text: "The red bands. Immune cells start along them, drugs arrive through them, and they drain IL-2 from the tissue." },
  { id: "selfReactive", term: "Self-reactive killer T cell", group: "Cells", doc: "self-reactive killer T cell",
    text: "A killer T cell that recognises one of the body's own proteins. In the type 1 diabetes scenario the switched-on ones are the threat: they destroy islet cells. Tregs and low-dose IL-2 hold them back." },
  { id: "antigen", term: "Antigen", group: "Cells", doc: "`antigen`",
    text: "A piece of a virus, a tumour or one of the body's own proteins that a T cell recognises. A T cell switches on when a dendritic cell shows it its antigen." },
  { id: "mhc", term: "MHC", group: "Cells", doc: "MHC",
    text: "The molecules a cell uses to show pieces of its proteins on its surface. Killer T cells read them; a tumour cell that loses them hides from killer T cells but not from NK cells." },
  // What cells do
  { id: "activated", term: "Switched on (activated)", group: "What cells do", doc: "`activated`",
    text: "A T cell that has met its antigen. It makes CD25, a helper starts making IL-2, and it can divide." },
  { id: "division", term: "Division (and divisions left)", group: "What cells do", doc: "division destiny",
    text: "A cell splits in two. A switched-on T cell can go through a set number of divisions: the first few need only antigen, each further one needs enough IL-2 signal. The microscope shows the divisions left." },
  { id: "clone", term: "Clone (clonal expansion)", group: "What cells do", doc: "clone",
    text: "All the cells that came from one switched-on T cell by division. A clone takes off when its cells keep catching enough IL-2 to keep dividing." },
  { id: "memory", term: "Memory cell", group: "What cells do", doc: "`memory`",
    text: "A few switched-on T cells become memory cells, which stay after the response is over, ready for next time." },
  { id: "deprivation", term: "Starving (IL-2 deprivation)", group: "What cells do", doc: "deprivation",
    text: "A switched-on or expanded cell that catches too little IL-2 for too long dies." },
  { id: "contraction", term: "Contraction", group: "What cells do", doc: "contraction",
    text: "Once the threat is gone, most effector cells die and the response shrinks, leaving a few memory cells." },
  { id: "suppression", term: "Suppression", group: "What cells do", doc: "`suppression`",
    text: "How much the Tregs sitting on a dendritic cell hold it back: it shows its antigen less strongly, and helpers on it make less IL-2." },
  // The round
  { id: "threat", term: "Threat", group: "The round", doc: "threat",
    text: "What the team must stop: infected cells, tumour cells, or in type 1 diabetes the body's own switched-on [[selfReactive|self-reactive killer T cells]]." },
  { id: "tissueLost", term: "Tissue lost", group: "The round", doc: "tissue lost",
    text: "The share of the healthy tissue (or islet cells) lost so far. When half is lost, the round is lost." },
  { id: "squad", term: "Squad", group: "The round", doc: "`squad`",
    text: "A group of cells one player commands: helpers, killers, NK cells or Tregs. In a class, each student of a role gets their own share of its cells." },
  { id: "rally", term: "Rally", group: "The round", doc: "`rally`", text: "Gather a squad at its centre, so helpers share the IL-2 they make." },
  { id: "scatter", term: "Scatter", group: "The round", doc: "`scatter`", text: "Spread a squad out around its centre, to cover more tissue." },
  { id: "hunt", term: "Hunt", group: "The round", doc: "`hunt`", text: "Make a squad follow threat cells closely." },
  { id: "seekIl2", term: "Seek IL-2", group: "The round", doc: "`seekIl2`", text: "Make a squad climb towards where IL-2 is richest." },
  { id: "microscope", term: "Microscope", group: "The round", doc: "microscope",
    text: "Click a cell with no squad picked (or Shift + click any cell) to see its receptor chains, the IL-2 it holds, its pSTAT5, its divisions left and why it is doing what it does." },
  { id: "day", term: "Simulated day", group: "The round", doc: "simulated day",
    text: "The game's clock. A round starts on day 1 at 00:00. At normal speed a simulated day passes in about 72 seconds." },
  // Therapies
  { id: "highDose", term: "High-dose IL-2 (aldesleukin)", group: "Therapies", doc: "`highDose`",
    text: "A big dose of IL-2 into the blood, enough to reach every receptor, even the intermediate one. It boosts NK cells and killer T cells against melanoma and kidney cancer, but it feeds Tregs too and makes blood vessels leak." },
  { id: "lowDose", term: "Low-dose IL-2", group: "Therapies", doc: "`lowDose`",
    text: "A small dose that keeps IL-2 in the blood near 30 pM for a few hours a day: enough for the high-affinity receptor on Tregs, too little for most other cells. Tested against autoimmune diseases such as type 1 diabetes." },
  { id: "antiCd25", term: "Anti-CD25 antibody", group: "Therapies", doc: "`antiCd25`",
    text: "An antibody that blocks CD25, so the high-affinity receptor falls apart. Tregs lose their edge, and the IL-2 is left for cells with the intermediate receptor." },
  { id: "cd122Biased", term: "CD122-biased IL-2", group: "Therapies", doc: "`cd122Biased`",
    text: "An engineered IL-2 that binds CD122 and ignores CD25, so it favours NK cells and killer T cells over Tregs, with less leak." },
  { id: "leak", term: "Vascular leak (toxicity)", group: "Therapies", doc: "vascular leak",
    text: "A lot of IL-2 in the blood makes small blood vessels leak fluid, which makes patients ill. The toxicity meter rises with high doses and recovers over two to three days." },
  { id: "doseLimit", term: "Dose-limiting line", group: "Therapies", doc: "dose-limiting line",
    text: "The mark on the toxicity meter. While the leak is past it, high doses are held back, as a hospital would." },
  // The model
  { id: "contrast", term: "Contrast (What if…?)", group: "The model", doc: "contrast",
    text: "After a round, the computer replays the same tissue from the same start and the same orders with one thing changed (no Tregs, helpers scattered, no therapy, the other therapy), and shows it beside what really happened. Changing one thing also changes the cells' luck (where they wander, when they divide), so small differences can be chance; a difference that shows the same way in several rounds is that thing's doing." },
  { id: "model", term: "Model", group: "The model", doc: "model",
    text: "A simplified copy of a real system, made to explore it. The game's model keeps what matters for the IL-2 tug-of-war and leaves much out; the model card says what." },
  { id: "voxel", term: "Voxel", group: "The model", doc: "voxel", text: "One 10 µm square of the tissue patch, about one cell across. IL-2 is tracked voxel by voxel." },
  { id: "tick", term: "Tick", group: "The model", doc: "tick", text: "The model's time step: one simulated minute." },
  { id: "seed", term: "Seed", group: "The model", doc: "seed",
    text: "The number that fixes a round's random choices: the same seed and the same commands give the same round again." },
] as const satisfies readonly GlossaryTerm[];

export type TermId = (typeof GLOSSARY)[number]["id"];

export const TERM_GROUPS: readonly TermGroup[] = ["IL-2 and its receptor", "Cells", "What cells do", "The round", "Therapies", "The model"];

/** "What is IL-2?": the story of the game in six paragraphs, each linked to the glossary. */
export const ABOUT_IL2: readonly string[] = [
  "[[il2|IL-2]] (interleukin-2) is a [[cytokine|cytokine]]: a small protein one immune cell releases to signal to others nearby. [[cd4|Helper T cells]] make it once a [[dendritic|dendritic cell]] has shown them their [[antigen|antigen]]. It spreads a short way through the tissue, breaks down, and is caught by the cells around it. The [[heatmap|heatmap]] under the cells shows where it is.",
  "Cells catch IL-2 with a receptor made of chains. [[cd25|CD25]] with [[cd122|CD122]] and [[cd132|CD132]] makes the [[highAffinity|high-affinity receptor]], which catches IL-2 even when there is very little about (a few [[pm|pM]]). CD122 and CD132 without CD25 make the [[intermediate|intermediate receptor]], which needs about a hundred times more.",
  "Caught IL-2 starts a signal inside the cell ([[jakStat|JAK-STAT]]), which the game shows as [[pstat5|pSTAT5]]. A T cell [[division|divides]] only after it has had enough of that signal for long enough, and the signal makes it build more CD25, so it gets better at catching IL-2. Cells that go without IL-2 for too long [[deprivation|starve]].",
  "So IL-2 is a tug-of-war. Helpers that gather share their IL-2 and their [[clone|clone]] takes off; scattered helpers fizzle. [[treg|Tregs]] carry the high-affinity receptor all the time: they soak IL-2 up (the [[sink|IL-2 sink]]) and starve weakly switched-on cells, which brakes the response. Most [[nk|NK cells]] ([[nkDim|CD56dim]]) have only the intermediate receptor; a few ([[nkBright|CD56bright]]) carry CD25 too. Plenty of IL-2 makes NK cells grow and kill harder.",
  "Doctors use this. [[highDose|High-dose IL-2]] floods every receptor to boost killer cells against melanoma and kidney cancer, at the price of [[leak|vascular leak]]. [[lowDose|Low-dose IL-2]] stays in the range only the high-affinity receptor hears, feeding Tregs to calm autoimmune diseases such as type 1 diabetes, where the body's own [[selfReactive|killer T cells]] attack its [[islet|islet cells]].",
  "The game is a [[model|model]]: it keeps the parts of this story that matter for the tug-of-war and leaves out a great deal. The model card says what it simulates, what it simplifies, and where its numbers come from.",
];

export interface CardItem {
  title: string;
  text: string;
  /** Where docs/model.md says it: a heading of section 2 ("The IL-2 field"), or a phrase of section 3. */
  doc: string;
}

export interface CardSource {
  /** First author's surname and year, as docs/model.md section 9 lists them. */
  author: string;
  year: number;
  label: string;
  what: string;
}

/** The model card. Worded generally where docs/model.md sections 2 and 3 are being revised. */
export const MODEL_CARD: { intro: string; simulated: readonly CardItem[]; simplified: readonly CardItem[]; sources: readonly CardSource[]; limits: readonly string[] } = {
  intro: "The game runs a computer [[model|model]] of a patch of tissue: rules for what each cell does, worked out minute by minute. Players decide where cells go and which drugs to give; the rules decide what happens. Here is what the model includes, what it leaves out, and where its numbers come from.",
  simulated: [
    { title: "A patch of tissue", doc: "The tissue patch",
      text: "A flat patch about a millimetre across, cut into 10 µm squares ([[voxel|voxels]]), with healthy cells, blood vessels, dendritic cells, the threat and several thousand cells in all." },
    { title: "IL-2 spreading and disappearing", doc: "The IL-2 field",
      text: "IL-2 spreads out from the helpers that make it, breaks down, drains into the vessels, and above all is caught by the cells it reaches, so an IL-2 cloud reaches only tens to hundreds of µm." },
    { title: "Receptors", doc: "Receptors",
      text: "Each immune cell has its own numbers of CD25 and CD122, taken from measurements of real human cells. Paired, they make the high-affinity receptor; CD122 alone, the intermediate one." },
    { title: "The signal inside the cell", doc: "Signalling",
      text: "Caught IL-2 becomes a signal (pSTAT5): the more receptors hold IL-2, the stronger it is, and each kind of cell needs its own amount, as measured in the lab. It decides whether a cell divides and survives, and it makes T cells build more CD25." },
    { title: "Switching on", doc: "Antigen, activation and IL-2 secretion",
      text: "Helper and killer T cells switch on at dendritic cells that show their antigen. Switched-on helpers make IL-2 for a few hours, then a trickle while they still touch antigen. Strong antigen switches cells on harder: they make more IL-2 and more CD25 by themselves, while weakly switched-on cells need IL-2 from others." },
    { title: "Division", doc: "Division",
      text: "A switched-on T cell can divide a number of times that differs from cell to cell; strong antigen gives it more of the first few, and each further division needs IL-2 signal built up over hours." },
    { title: "Death and the end of a response", doc: "Death by IL-2 deprivation",
      text: "Switched-on cells that go without IL-2 signal for too long, away from antigen, die. Cells that have used up their divisions die within days, and dividing cells that hear IL-2 while antigen stimulates them again can die too. When the threat is gone, most effector cells die and a few stay as memory cells." },
    { title: "Killing", doc: "Killing",
      text: "Killer T cells kill cells that show their antigen, harder the stronger the antigen and the more IL-2 signal they have; NK cells kill infected cells and tumour cells, above all those missing MHC, harder when they hear more IL-2." },
    { title: "Tregs", doc: "Tregs",
      text: "Tregs soak up IL-2 and hold back the dendritic cells they touch. Both brake weak responses, such as those against the body's own cells, far more than strong ones." },
    { title: "The threats", doc: "Threats",
      text: "A virus that spreads from cell to cell, a tumour that grows and whose new cells may hide by losing MHC, or, in type 1 diabetes, the body's own killer T cells attacking islet cells. Each new game is a different patient: how strongly the tumour shows its antigen, how much of it hides, and how many T cells recognise it all vary." },
    { title: "Therapies and their price", doc: "Therapies",
      text: "High-dose and low-dose IL-2, anti-CD25 and CD122-biased IL-2, each with its own dose schedule and blood level, and a vascular-leak score that limits high doses." },
    { title: "Players' commands", doc: "Movement and commands",
      text: "Cells crawl at real speeds and follow chemical cues; a command changes where they go, never what they can do." },
  ],
  simplified: [
    { title: "Flat tissue", doc: "2D slab", text: "Real tissue is three-dimensional; here it is one thin layer." },
    { title: "Nobody comes or goes", doc: "No cells arrive or leave during a round", text: "No new cells arrive from the blood and none leave for the lymph nodes; T cells are switched on in the patch itself." },
    { title: "Only one cytokine", doc: "IL-2 is the only cytokine", text: "Real cells also talk with IL-7, IL-15, IL-10, interferons and many more." },
    { title: "Only helpers make IL-2", doc: "Only activated CD4 helpers make IL-2", text: "In the body, killer T cells and dendritic cells make a little too." },
    { title: "CD132 is never short", doc: "CD132 (γc) is never limiting", text: "The third receptor chain is assumed to be always there in plenty." },
    { title: "One antigen", doc: "One antigen per scenario", text: "Every T cell in the patch recognises the threat; in the body only about one in 100,000 would." },
    { title: "Resting cells never die", doc: "Resting cells never die", text: "In the body they need IL-7 and IL-15, which are not in the model." },
    { title: "Memory is a coin toss", doc: "Memory is a coin toss", text: "A fixed share of switched-on cells become memory cells; how that really happens is not modelled." },
    { title: "Simple Tregs and NK cells", doc: "NK cells follow simple rules", text: "Tregs work only through IL-2 and contact with dendritic cells; NK cells follow a few simple rules about whom they kill." },
    { title: "Simple threats", doc: "Virus spreads only from cell to neighbouring cell", text: "The virus passes only to neighbouring cells, tumours grow only into neighbouring spaces, and tumours do not suppress the immune system." },
    { title: "Drugs as one blood level", doc: "Drugs enter as one blood level", text: "A drug is one number for the blood that reaches the tissue through its vessels; the rest of the body is not simulated." },
    { title: "Leak is a score", doc: "Vascular leak is a score, not physiology", text: "The toxicity meter sets when high doses stop; it does not harm the cells in the patch." },
    { title: "Lost tissue stays lost", doc: "Lost tissue does not regrow", text: "Nothing heals during a round." },
  ],
  sources: [
    { author: "Farhat", year: 2021, label: "Farhat et al. 2021", what: "how many IL-2 receptor chains human immune cells carry, and how strongly each kind answers IL-2" },
    { author: "Busse", year: 2010, label: "Busse et al. 2010", what: "T cells and Tregs competing for IL-2" },
    { author: "Feinerman", year: 2010, label: "Feinerman et al. 2010", what: "measuring, cell by cell, how T cells answer IL-2 and how Tregs compete" },
    { author: "Oyler-Yaniv", year: 2017, label: "Oyler-Yaniv et al. 2017", what: "how far a cytokine reaches, set by the cells that catch it" },
    { author: "Cantrell", year: 1984, label: "Cantrell & Smith 1984", what: "division depends on IL-2 amount, receptor number and time together" },
    { author: "Marchingo", year: 2014, label: "Marchingo et al. 2014", what: "how many times a switched-on T cell divides" },
    { author: "Tkach", year: 2014, label: "Tkach et al. 2014", what: "how much IL-2 and CD25 switched-on T cells make" },
    { author: "Sojka", year: 2004, label: "Sojka et al. 2004", what: "when switched-on helpers make IL-2" },
    { author: "Pandiyan", year: 2007, label: "Pandiyan et al. 2007", what: "Tregs starving effector T cells by taking their IL-2" },
    { author: "O'Gorman", year: 2009, label: "O'Gorman et al. 2009", what: "Tregs are the first cells to signal when IL-2 appears" },
    { author: "Nagler", year: 1990, label: "Nagler et al. 1990", what: "the IL-2 receptors of CD56bright and CD56dim NK cells" },
    { author: "Halle", year: 2016, label: "Halle et al. 2016", what: "how fast killer T cells kill in living tissue" },
    { author: "Miller", year: 2002, label: "Miller et al. 2002", what: "how fast T cells crawl" },
    { author: "Konrad", year: 1990, label: "Konrad et al. 1990", what: "how high-dose IL-2 rises and falls in the blood" },
    { author: "Atkins", year: 1999, label: "Atkins et al. 1999", what: "high-dose IL-2 in melanoma: who responds" },
    { author: "Koreth", year: 2011, label: "Koreth et al. 2011", what: "low-dose IL-2 raising Tregs in patients" },
    { author: "Hartemann", year: 2013, label: "Hartemann et al. 2013", what: "low-dose IL-2 in type 1 diabetes" },
    { author: "Levin", year: 2012, label: "Levin et al. 2012", what: "an engineered IL-2 that ignores CD25" },
  ],
  limits: [
    "Its numbers were chosen so that it shows behaviours seen in experiments, such as Tregs acting as an IL-2 sink and NK cells needing high IL-2. The model is checked against each of these by tests.",
    "A round is not a prediction for a patient: real bodies hold many more cells, signals and differences between people.",
    "The full description, with every number, its units and its source, is the model document (docs/model.md) that comes with the game.",
  ],
};
