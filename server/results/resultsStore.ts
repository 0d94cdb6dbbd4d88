// The classroom results store: sessions, rounds and one row per student per round, behind one asynchronous interface
// with two engines: one SQLite file (node:sqlite, WAL; the embedded default, here) or PostgreSQL (postgresStore.ts,
// for several server processes). Nothing about a child is kept beyond the generated nickname. Opened by
// server/main.ts (openStore.ts) or tests; the classroom room saves sessions and rounds, the HTTP routes read CSV and
// check host secrets. Times are ISO strings.

import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync } from "node:sqlite";
import type { RoundSummary } from "../../shared/net/classroom.ts";
import type { Measure } from "../../shared/report/roleLedger.ts";
import { roundsToCsv } from "./csv.ts";
import { hashHostSecret, hostSecretMatches } from "./hostSecret.ts";
import { QUIZ_TABLES_SQL, quizAnswerTable, type QuizAnswerRecord } from "./quizAnswers.ts";

/** Bumped with every change to the tables; a file from a newer server is refused rather than misread. */
export const SCHEMA_VERSION = 2;

export interface SessionRecord {
  code: string;
  /** Give either the raw secret (hashed here) or a hash from hashHostSecret(); the raw secret is never stored. */
  hostSecret?: string;
  hostSecretHash?: string;
  scenarioId: string;
  /** ISO time; defaults to the store's clock. */
  createdAt?: string;
}

export interface PlayerResult {
  nickname: string;
  role: string;
  /** The squads the student commanded, in words ("Squad A, Squad B"). */
  squads: string;
  measures: Measure[];
}

export interface RoundRecord {
  code: string;
  round: number;
  scenarioId: string;
  outcome: string;
  startedAt: string;
  endedAt: string;
  /** Simulated days the round lasted. */
  days: number;
  /** The round's series for the comparison chart. */
  summary: RoundSummary;
  players: PlayerResult[];
}

export interface ResultsStore {
  /** Which engine holds the results ("sqlite" or "postgres"), for the server's start-up line. */
  readonly engine: "sqlite" | "postgres";
  /** Records a new session; saving the same code again with the same secret updates its scenario. Rejects if the code
   *  already holds another session's results (claim codes with hasSession(code) false). */
  saveSession(session: SessionRecord): Promise<void>;
  /** Records a finished round and its players, replacing an earlier save of the same round. */
  saveRound(round: RoundRecord): Promise<void>;
  /** The session's rounds in order, with their players; [] for an unknown code. */
  rounds(code: string): Promise<RoundRecord[]>;
  /** Whether a session is stored under this code (its results kept until retention deletes them). */
  hasSession(code: string): Promise<boolean>;
  /** Saves one quiz answer; false when the student had already answered that tier (the first answer stands). */
  saveQuizAnswer(answer: QuizAnswerRecord): Promise<boolean>;
  /** The session's quiz answers, oldest first. */
  quizAnswers(code: string): Promise<QuizAnswerRecord[]>;
  /** One row per student per round, then one per student per quiz, with a header (see csv.ts). */
  csv(code: string): Promise<string>;
  /** True when `secret` is this session's host secret. False for unknown codes. */
  verifyHost(code: string, secret: string): Promise<boolean>;
  /** Deletes sessions created more than `days` days before `now` (with their rounds and players); returns how many. */
  deleteOlderThan(days: number, now?: Date): Promise<number>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** The clock for default createdAt and deleteOlderThan; tests pin it. */
  now?: () => Date;
}

type Row = Record<string, string | number>;

/** A player's measures as stored: label, value and units only. */
export const measuresOf = (p: PlayerResult): Measure[] => p.measures.map((m) => ({ label: m.label, value: m.value, units: m.units }));

/** The ISO time before which sessions are older than `days` days at `at`. */
export const cutoffOf = (days: number, at: Date): string => new Date(at.getTime() - days * DAY_MS).toISOString();

/** Round records from rows of the rounds and players tables (either engine: the same columns). */
export function roundsOf(roundRows: readonly Row[], playerRows: readonly Row[]): RoundRecord[] {
  const byRound = new Map<number, PlayerResult[]>();
  for (const p of playerRows) {
    const list = byRound.get(Number(p.round)) ?? [];
    list.push({ nickname: String(p.nickname), role: String(p.role), squads: String(p.squads), measures: JSON.parse(String(p.measures)) as Measure[] });
    byRound.set(Number(p.round), list);
  }
  return roundRows.map((r) => ({
    code: String(r.code),
    round: Number(r.round),
    scenarioId: String(r.scenario_id),
    outcome: String(r.outcome),
    startedAt: String(r.started_at),
    endedAt: String(r.ended_at),
    days: Number(r.days),
    summary: JSON.parse(String(r.summary)) as RoundSummary,
    players: byRound.get(Number(r.round)) ?? [],
  }));
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether a session row may be (re)written by this saver: no row yet, a row saved without a secret, or the same host. */
export function sameHost(existingHash: string | undefined, session: SessionRecord): boolean {
  const { hostSecret, hostSecretHash } = session;
  return existingHash === undefined || existingHash === "" || existingHash === hostSecretHash ||
    (hostSecret !== undefined && hostSecretMatches(hostSecret, existingHash));
}

/** The hash a session row keeps: the one already kept, else the given hash, else the given secret's. */
export function keptHash(existingHash: string | undefined, session: SessionRecord): string {
  if (session.hostSecret === undefined && session.hostSecretHash === undefined) throw new Error("saveSession needs hostSecret or hostSecretHash");
  return existingHash || (session.hostSecretHash ?? hashHostSecret(session.hostSecret!));
}

function migrate(db: DatabaseSync): void {
  const { user_version: version } = db.prepare("PRAGMA user_version").get() as { user_version: number };
  if (version > SCHEMA_VERSION) {
    throw new Error(`the results file was written by a newer server (schema ${version}; this one knows ${SCHEMA_VERSION})`);
  }
  if (version === SCHEMA_VERSION) return;
  if (version < 1) db.exec(`
    BEGIN;
    CREATE TABLE sessions (
      code TEXT PRIMARY KEY,
      host_secret_hash TEXT NOT NULL,
      scenario_id TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE INDEX sessions_created ON sessions (created_at);
    CREATE TABLE rounds (
      code TEXT NOT NULL REFERENCES sessions (code) ON DELETE CASCADE,
      round INTEGER NOT NULL,
      scenario_id TEXT NOT NULL,
      outcome TEXT NOT NULL,
      started_at TEXT NOT NULL,
      ended_at TEXT NOT NULL,
      days REAL NOT NULL,
      summary TEXT NOT NULL,
      PRIMARY KEY (code, round)
    );
    CREATE TABLE players (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL,
      round INTEGER NOT NULL,
      nickname TEXT NOT NULL,
      role TEXT NOT NULL,
      squads TEXT NOT NULL,
      measures TEXT NOT NULL,
      FOREIGN KEY (code, round) REFERENCES rounds (code, round) ON DELETE CASCADE
    );
    CREATE INDEX players_round ON players (code, round);
    PRAGMA user_version = 1;
    COMMIT;
  `);
  if (version < 2) db.exec(`BEGIN; ${QUIZ_TABLES_SQL} PRAGMA user_version = 2; COMMIT;`);
}

/** Opens (creating if needed, with its folder) the results file at `path`, or an in-memory store for ":memory:". */
export function openResultsStore(path: string, options: StoreOptions = {}): ResultsStore {
  const now = options.now ?? (() => new Date());
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  if (path !== ":memory:") db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 2000;");
  migrate(db);

  const transaction = (work: () => void): void => {
    db.exec("BEGIN IMMEDIATE");
    try {
      work();
      db.exec("COMMIT");
    } catch (err) {
      db.exec("ROLLBACK");
      throw err;
    }
  };

  const upsertSession = db.prepare(`
    INSERT INTO sessions (code, host_secret_hash, scenario_id, created_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (code) DO UPDATE SET host_secret_hash = excluded.host_secret_hash, scenario_id = excluded.scenario_id`);
  // A round saved for a session nobody recorded still keeps its results; with no secret hash, nobody can download it.
  const ensureSession = db.prepare("INSERT OR IGNORE INTO sessions (code, host_secret_hash, scenario_id, created_at) VALUES (?, '', ?, ?)");
  const deleteRound = db.prepare("DELETE FROM rounds WHERE code = ? AND round = ?");
  const insertRound = db.prepare(`
    INSERT INTO rounds (code, round, scenario_id, outcome, started_at, ended_at, days, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertPlayer = db.prepare("INSERT INTO players (code, round, nickname, role, squads, measures) VALUES (?, ?, ?, ?, ?, ?)");
  const selectRounds = db.prepare("SELECT * FROM rounds WHERE code = ? ORDER BY round");
  const selectPlayers = db.prepare("SELECT * FROM players WHERE code = ? ORDER BY round, id");
  const selectSession = db.prepare("SELECT host_secret_hash FROM sessions WHERE code = ?");
  const deleteBefore = db.prepare("DELETE FROM sessions WHERE created_at < ?");

  const quiz = quizAnswerTable(db, now);
  const rounds = (code: string): RoundRecord[] => roundsOf(selectRounds.all(code) as Row[], selectPlayers.all(code) as Row[]);

  return {
    engine: "sqlite",
    async saveSession(session) {
      // The same teacher saving again is fine; a new class must never inherit an earlier class's rounds.
      const existing = (selectSession.get(session.code) as { host_secret_hash: string } | undefined)?.host_secret_hash;
      const hash = keptHash(existing, session);
      if (!sameHost(existing, session)) throw new Error(`join code ${session.code} already holds another session's results`);
      upsertSession.run(session.code, hash, session.scenarioId, session.createdAt ?? now().toISOString());
    },
    async saveRound(r) {
      transaction(() => {
        ensureSession.run(r.code, r.scenarioId, now().toISOString());
        deleteRound.run(r.code, r.round);
        insertRound.run(r.code, r.round, r.scenarioId, r.outcome, r.startedAt, r.endedAt, r.days, JSON.stringify(r.summary));
        for (const p of r.players) insertPlayer.run(r.code, r.round, p.nickname, p.role, p.squads, JSON.stringify(measuresOf(p)));
      });
    },
    rounds: async (code) => rounds(code),
    hasSession: async (code) => selectSession.get(code) !== undefined,
    saveQuizAnswer: async (a) => quiz.save(a),
    quizAnswers: async (code) => quiz.list(code),
    csv: async (code) => roundsToCsv(rounds(code), quiz.list(code)),
    async verifyHost(code, secret) {
      const row = selectSession.get(code) as { host_secret_hash: string } | undefined;
      return row !== undefined && typeof secret === "string" && secret.length > 0 && hostSecretMatches(secret, row.host_secret_hash);
    },
    async deleteOlderThan(days, at = now()) {
      return Number(deleteBefore.run(cutoffOf(days, at)).changes);
    },
    close: async () => db.close(),
  };
}
