// The kiosk's one object: which screen it shows (attract, starting, round, result), the sessions it holds (the
// watched bot room, the paused standby room, the visitor's), the visitor's round and idle watch, and the reconnection
// backoff. Any dropped connection returns to attract and reconnects, forever. Made once by kioskMain.ts.
// Its screens go through the client's one screen machine (screens/screenMachine.ts, the kiosk mode): attract is the
// machine's menu, starting its setup, round its playing, result its debrief; a lost connection its farewell (the
// screen's name stays until attract comes back).

import type { Bus } from "../bus.ts";
import { GameSession } from "../net/GameSession.ts";
import type { AttractCaptions } from "./attract.ts";
import type { KioskConfig } from "./config.ts";
import { IdleWatch } from "./idle.ts";
import { KioskRound } from "./kioskRound.ts";
import type { ResultScreen } from "./resultScreen.ts";
import type { KioskStrings } from "./strings.ts";
import { MODES, ScreenMachine, type Screen } from "../screens/screenMachine.ts";

export type KioskScreen = "loading" | "attract" | "starting" | "round" | "result";

/** The kiosk's name for each of the machine's screens; the farewell (a lost connection) keeps the last name. */
const KIOSK_NAMES: Readonly<Record<Screen, KioskScreen | null>> = {
  menu: "attract", setup: "starting", playing: "round", debrief: "result", lobby: null, farewell: null,
};

export class Kiosk {
  private current: KioskScreen = "loading";
  private readonly machine = new ScreenMachine();
  private watch: GameSession | null = null;
  private standby: GameSession | null = null;
  private played: GameSession | null = null;
  private round: KioskRound | null = null;
  private idle: IdleWatch | null = null;
  /** Bumped whenever everything is torn down: late answers from an older attempt are dropped. */
  private epoch = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;

  private readonly doc: Document;
  private readonly bus: Bus;
  private readonly cfg: KioskConfig;
  private readonly strings: KioskStrings;
  private readonly captions: AttractCaptions;
  private readonly result: ResultScreen;

  constructor(doc: Document, bus: Bus, cfg: KioskConfig, strings: KioskStrings, captions: AttractCaptions, result: ResultScreen) {
    this.doc = doc; this.bus = bus; this.cfg = cfg; this.strings = strings; this.captions = captions; this.result = result;
    this.machine.onTransition((t) => { const name = KIOSK_NAMES[t.to.screen]; if (name) this.setScreen(name); });
  }

  get screen(): KioskScreen { return this.current; }
  sessions(): { watch: GameSession | null; standby: GameSession | null; played: GameSession | null } {
    return { watch: this.watch, standby: this.standby, played: this.played };
  }
  /** The room on screen: the bots' during attract, the visitor's from a touch on. */
  onScreen(): GameSession | null {
    return this.current === "round" || this.current === "result" ? this.played : this.watch;
  }
  /** A touch on the attract screen: true when it starts a round. */
  touch(): boolean {
    if (this.current !== "attract" || !this.watch) return false;
    void this.startRound();
    return true;
  }

  private setScreen(m: KioskScreen): void {
    this.current = m;
    this.doc.body.dataset.state = m;
  }

  /** One connection attempt, bounded: a late success is left at once. */
  private async bounded(make: () => Promise<GameSession>): Promise<GameSession> {
    let late = false;
    const attempt = make().then((s) => { if (late) void s.leave(); return s; });
    let timer: ReturnType<typeof setTimeout> | undefined; // a bound on the attempt's wall time
    const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => { late = true; reject(new Error("timed out")); }, this.cfg.attemptMs); });
    try { return await Promise.race([attempt, timeout]); } finally { clearTimeout(timer); }
  }

  /** Any drop or unexpected leave of a session we hold: back to attract, reconnecting. */
  private guard(session: GameSession, myEpoch: number): void {
    // Deliberate leaves are ignored: a session is forgotten (set to null) before it is left.
    const lost = () => {
      if (myEpoch === this.epoch && (session === this.watch || session === this.standby || session === this.played)) this.connectionLost();
    };
    session.room.onDrop(lost);
    session.onLeave(lost);
  }

  private leaveAll(): void {
    const held = [this.watch, this.standby, this.played];
    this.watch = this.standby = this.played = null;
    for (const s of held) if (s) void s.leave().catch(() => {});
  }

  private connectionLost(): void {
    this.epoch++;
    this.stopRound();
    this.result.hide();
    this.leaveAll();
    this.machine.send({ type: "serverGone" });
    this.bus.emit("round-leave", undefined);
    this.doc.getElementById("k-conn")!.hidden = false;
    this.scheduleAttract();
  }

  private scheduleAttract(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    const wait = this.failures === 0 ? 0 : Math.min(this.cfg.maxBackoffMs, 500 * 2 ** (this.failures - 1));
    this.retryTimer = setTimeout(() => { this.retryTimer = null; void this.enterAttract(); }, wait); // reconnection backoff
  }

  /** Attract: watch an all-bot room with captions; a paused room waits for the next visitor. */
  async enterAttract(): Promise<void> {
    const myEpoch = ++this.epoch;
    this.stopRound();
    this.result.hide();
    this.leaveAll();
    if (!this.machine.send({ type: "left" })) this.setScreen("attract"); // the first attract: the machine starts on it
    this.captions.start();
    try {
      await this.strings.load(this.cfg.attemptMs);
      this.strings.apply(this.doc);
      if (myEpoch === this.epoch) this.captions.start(); // the first caption now, not after a whole caption's time of "loading"
      const s = await this.bounded(() => GameSession.startSolo({ scenarioId: this.cfg.scenarioId, watch: true, days: this.cfg.attractDays }));
      if (myEpoch !== this.epoch) { void s.leave(); return; }
      s.spectator = true;
      this.watch = s;
      this.guard(s, myEpoch);
      // The loop never ends: a finished bot round restarts a few seconds later (wall time: the passers-by see the end).
      s.onDebrief(() => setTimeout(() => { if (this.watch === s) s.control({ action: "restart" }); }, 4000));
      this.bus.emit("round-start", s);
      this.failures = 0;
      this.doc.getElementById("k-conn")!.hidden = true;
      void this.prepareStandby(myEpoch);
    } catch {
      if (myEpoch !== this.epoch) return;
      this.failures++;
      this.doc.getElementById("k-conn")!.hidden = this.failures < 2;
      this.scheduleAttract();
    }
  }

  private roundOptions() {
    return { scenarioId: this.cfg.scenarioId, role: "effector" as const, difficulty: "normal" as const, days: this.cfg.roundDays };
  }

  /** Creates the visitor's room now and pauses it, so a touch starts the round without waiting for the server. */
  private async prepareStandby(myEpoch: number): Promise<void> {
    try {
      const s = await this.bounded(() => GameSession.startSolo(this.roundOptions()));
      if (myEpoch !== this.epoch || this.current !== "attract") { void s.leave(); return; }
      s.control({ action: "pause" });
      this.standby = s;
      this.guard(s, myEpoch);
    } catch { /* a touch creates the room instead */ }
  }

  /** A touch during attract (or "Play again"): the visitor's round starts. */
  async startRound(): Promise<void> {
    if (this.current !== "attract" && this.current !== "result") return;
    const myEpoch = this.epoch;
    this.machine.send({ type: "left" }); // from the result ("Play again"); ignored on attract
    this.machine.send({ type: "chooseMode", mode: MODES.kiosk });
    this.captions.stop();
    this.result.hide();
    this.doc.getElementById("k-caption")!.textContent = this.strings.t("status.starting");
    let s = this.standby;
    this.standby = null;
    try {
      if (!s) {
        s = await this.bounded(() => GameSession.startSolo(this.roundOptions()));
        if (myEpoch !== this.epoch) { void s.leave(); return; }
        this.guard(s, myEpoch);
      }
    } catch {
      this.connectionLost();
      return;
    }
    s.control({ action: "resume" });
    const old = [this.watch, this.played];
    this.watch = null;
    this.played = s;
    for (const o of old) if (o) void o.leave().catch(() => {});
    this.bus.emit("round-leave", undefined);
    this.bus.emit("round-start", s);
    this.machine.send({ type: "joined", mode: MODES.kiosk });
    this.round = new KioskRound(this.doc, s, this.bus, this.strings, this.cfg.pace);
    this.round.start(() => void this.enterAttract());
    this.idle = new IdleWatch(this.doc, this.strings, this.cfg.idleS, this.cfg.countdownS, () => void this.enterAttract());
    this.idle.start();
    s.onDebrief(() => { if (this.played === s && this.current === "round") this.showResult(); });
  }

  private stopRound(): void {
    this.round?.stop();
    this.idle?.stop();
    this.round = null;
    this.idle = null;
  }

  private showResult(): void {
    const cd4Start = this.round?.cd4Start ?? 0;
    const cd4End = this.played?.state?.hud?.cd4 ?? 0;
    const il2PeakPm = this.round?.il2PeakPm ?? 0;
    this.stopRound();
    this.machine.send({ type: "debriefArrived" });
    this.result.show({ cd4Start, cd4End, il2PeakPm }, this.cfg.resultS, () => void this.enterAttract());
  }
}
