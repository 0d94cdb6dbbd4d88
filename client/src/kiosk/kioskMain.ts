// The museum kiosk's entry point (client/kiosk.html): attract loop (a watched all-bot sandbox room, captions), a
// touch starts a visitor's round at once (a paused room kept ready during attract), idle check, result screen, and
// self-recovery: any dropped connection returns to attract and reconnects with backoff, forever.

import Phaser from "phaser";
import "../kiosk.css";
import { Bus } from "../bus.ts";
import { GameSession } from "../net/GameSession.ts";
import { PlayScene, wirePlayScene } from "../scenes/PlayScene.ts";
import { AttractCaptions } from "./attract.ts";
import { readConfig } from "./config.ts";
import { IdleWatch } from "./idle.ts";
import { KioskRound } from "./kioskRound.ts";
import { lockDown } from "./lockdown.ts";
import { MarksScene } from "./marksScene.ts";
import { ResultScreen } from "./resultScreen.ts";
import { KioskStrings, type Lang } from "./strings.ts";
import { mountKioskTug } from "./kioskTug.ts";

type Mode = "loading" | "attract" | "starting" | "round" | "result";

const cfg = readConfig(location.search);
const doc = document;
const bus = new Bus();
const strings = new KioskStrings();
strings.lang = cfg.lang as Lang;
lockDown(doc);

const game = new Phaser.Game({
  type: Phaser.AUTO,
  parent: "game",
  backgroundColor: "#0d1218",
  transparent: true, // the play scene's tissue is painted on canvases under this one (play/TissueBake.ts)
  scale: { mode: Phaser.Scale.RESIZE, width: window.innerWidth, height: window.innerHeight, fullscreenTarget: doc.body },
  // Several visitors' fingers at once; keys stay with the HTML buttons.
  input: { activePointers: 4, keyboard: false },
  disableContextMenu: true,
  banner: false,
  scene: [MarksScene, PlayScene],
});
wirePlayScene(game, bus);

const captions = new AttractCaptions(doc, strings, cfg.captionS);
const result = new ResultScreen(doc, strings);
let mode: Mode = "loading";
let watch: GameSession | null = null;
let standby: GameSession | null = null;
let played: GameSession | null = null;
let round: KioskRound | null = null;
let idle: IdleWatch | null = null;
/** Bumped whenever everything is torn down: late answers from an older attempt are dropped. */
let epoch = 0;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let failures = 0;

function setMode(m: Mode): void {
  mode = m;
  doc.body.dataset.state = m;
}

/** One connection attempt, bounded: a late success is left at once. */
async function bounded(make: () => Promise<GameSession>): Promise<GameSession> {
  let late = false;
  const attempt = make().then((s) => { if (late) void s.leave(); return s; });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => { late = true; reject(new Error("timed out")); }, cfg.attemptMs); });
  try { return await Promise.race([attempt, timeout]); } finally { clearTimeout(timer); }
}

/** Any drop or unexpected leave of a session we hold: back to attract, reconnecting. */
function guard(session: GameSession, myEpoch: number): void {
  // Deliberate leaves are ignored: a session is forgotten (set to null) before it is left.
  const lost = () => { if (myEpoch === epoch && (session === watch || session === standby || session === played)) connectionLost(); };
  session.room.onDrop(lost);
  session.onLeave(lost);
}

function leaveAll(): void {
  const held = [watch, standby, played];
  watch = standby = played = null;
  for (const s of held) if (s) void s.leave().catch(() => {});
  MarksScene.session = null;
}

function connectionLost(): void {
  epoch++;
  stopRound();
  result.hide();
  leaveAll();
  bus.emit("round-leave", undefined);
  doc.getElementById("k-conn")!.hidden = false;
  scheduleAttract();
}

function scheduleAttract(): void {
  if (retryTimer !== null) clearTimeout(retryTimer);
  const wait = failures === 0 ? 0 : Math.min(cfg.maxBackoffMs, 500 * 2 ** (failures - 1));
  retryTimer = setTimeout(() => { retryTimer = null; void enterAttract(); }, wait);
}

/** Attract: watch an all-bot room with captions; a paused room waits for the next visitor. */
async function enterAttract(): Promise<void> {
  const myEpoch = ++epoch;
  stopRound();
  result.hide();
  leaveAll();
  setMode("attract");
  captions.start();
  try {
    await strings.load(cfg.attemptMs);
    strings.apply(doc);
    if (myEpoch === epoch) captions.start(); // the first caption now, not after a whole caption's time of "loading"
    const s = await bounded(() => GameSession.startSolo({ scenarioId: cfg.scenarioId, watch: true, days: cfg.attractDays }));
    if (myEpoch !== epoch) { void s.leave(); return; }
    s.spectator = true;
    watch = s;
    guard(s, myEpoch);
    // The loop never ends: a finished bot round restarts a few seconds later.
    s.onDebrief(() => setTimeout(() => { if (watch === s) s.control({ action: "restart" }); }, 4000));
    bus.emit("round-start", s);
    failures = 0;
    doc.getElementById("k-conn")!.hidden = true;
    void prepareStandby(myEpoch);
  } catch {
    if (myEpoch !== epoch) return;
    failures++;
    doc.getElementById("k-conn")!.hidden = failures < 2;
    scheduleAttract();
  }
}

function roundOptions() {
  return { scenarioId: cfg.scenarioId, role: "effector" as const, difficulty: "normal" as const, days: cfg.roundDays };
}

/** Creates the visitor's room now and pauses it, so a touch starts the round without waiting for the server. */
async function prepareStandby(myEpoch: number): Promise<void> {
  try {
    const s = await bounded(() => GameSession.startSolo(roundOptions()));
    if (myEpoch !== epoch || mode !== "attract") { void s.leave(); return; }
    s.control({ action: "pause" });
    standby = s;
    guard(s, myEpoch);
  } catch { /* a touch creates the room instead */ }
}

/** A touch during attract (or "Play again"): the visitor's round starts. */
async function startRound(): Promise<void> {
  if (mode !== "attract" && mode !== "result") return;
  const myEpoch = epoch;
  setMode("starting");
  captions.stop();
  result.hide();
  doc.getElementById("k-caption")!.textContent = strings.t("status.starting");
  let s = standby;
  standby = null;
  try {
    if (!s) {
      s = await bounded(() => GameSession.startSolo(roundOptions()));
      if (myEpoch !== epoch) { void s.leave(); return; }
      guard(s, myEpoch);
    }
  } catch {
    connectionLost();
    return;
  }
  s.control({ action: "resume" });
  const old = [watch, played];
  watch = null;
  played = s;
  for (const o of old) if (o) void o.leave().catch(() => {});
  bus.emit("round-leave", undefined);
  bus.emit("round-start", s);
  MarksScene.session = s;
  setMode("round");
  round = new KioskRound(doc, s, bus, strings, cfg.pace);
  round.start(() => void enterAttract());
  idle = new IdleWatch(doc, strings, cfg.idleS, cfg.countdownS, () => void enterAttract());
  idle.start();
  s.onDebrief(() => { if (played === s && mode === "round") showResult(); });
}

function stopRound(): void {
  round?.stop();
  idle?.stop();
  round = null;
  idle = null;
}

function showResult(): void {
  const helpersStart = round?.helpersStart ?? 0;
  const helpersEnd = played?.state?.hud?.cd4 ?? 0;
  const il2PeakPm = round?.il2PeakPm ?? 0;
  stopRound();
  setMode("result");
  result.show({ helpersStart, helpersEnd, il2PeakPm }, cfg.resultS, () => void enterAttract());
}

// The IL-2 tug-of-war of the room on screen: the bots' during attract, the visitor's from a touch on.
mountKioskTug(doc.getElementById("k-tug")!, strings, () => (mode === "round" || mode === "result" ? played : watch));

// A touch anywhere on the attract screen starts a round (the language button excepted).
doc.addEventListener("pointerdown", (e) => {
  if ((e.target as HTMLElement).closest("#k-lang")) return;
  if (mode === "attract" && watch) void startRound();
});
doc.getElementById("k-lang")!.addEventListener("click", () => strings.setLang(strings.lang === "en" ? "es" : "en"));
doc.getElementById("k-keep")!.addEventListener("click", () => { /* the touch itself closed the dialog (idle.ts) */ });
doc.getElementById("k-again")!.addEventListener("click", () => void startRound());
doc.getElementById("k-home")!.addEventListener("click", () => void enterAttract());

// Start: the strings first (retried with the rest until the server answers), then attract.
void enterAttract();

// For tests and manual checks from the console.
Object.assign(window, { kiosk: { game, bus, cfg, strings, mode: () => mode, sessions: () => ({ watch, standby, played }) } });
