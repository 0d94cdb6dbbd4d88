// The classroom results store: one SQLite file (node:sqlite, synchronous, WAL) with sessions, rounds and one row per
// student per round. Nothing about a child is kept beyond the generated nickname. Opened by server/main.ts (or tests);
// the classroom room saves sessions and rounds, the HTTP routes read CSV and check host secrets. Times are ISO strings.

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
  /** Records a new session; saving the same code again with the same secret updates its scenario. Throws if the code
   *  already holds another session's results (claim codes with hasSession(code) false). */
  saveSession(session: SessionRecord): void;
  /** Records a finished round and its players, replacing an earlier save of the same round. */
  saveRound(round: RoundRecord): void;
  /** The session's rounds in order, with their players; [] for an unknown code. */
  rounds(code: string): RoundRecord[];
  /** Whether a session is stored under this code (its results kept until retention deletes them). */
  hasSession(code: string): boolean;
  /** Saves one quiz answer; false when the student had already answered that tier (the first answer stands). */
  saveQuizAnswer(answer: QuizAnswerRecord): boolean;
  /** The session's quiz answers, oldest first. */
  quizAnswers(code: string): QuizAnswerRecord[];
  /** One row per student per round, then one per student per quiz, with a header (see csv.ts). */
  csv(code: string): string;
  /** True when `secret` is this session's host secret. False for unknown codes. */
  verifyHost(code: string, secret: string): boolean;
  /** Deletes sessions created more than `days` days before `now` (with their rounds and players); returns how many. */
  deleteOlderThan(days: number, now?: Date): number;
  close(): void;
}

export interface StoreOptions {
  /** The clock for default createdAt and deleteOlderThan; tests pin it. */
  now?: () => Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

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
  const rounds = (code: string): RoundRecord[] => {
    const byRound = new Map<number, PlayerResult[]>();
    for (const p of selectPlayers.all(code) as Record<string, string | number>[]) {
      const list = byRound.get(Number(p.round)) ?? [];
      list.push({ nickname: String(p.nickname), role: String(p.role), squads: String(p.squads), measures: JSON.parse(String(p.measures)) as Measure[] });
      byRound.set(Number(p.round), list);
    }
    return (selectRounds.all(code) as Record<string, string | number>[]).map((r) => ({
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
  };

  return {
    saveSession(session) {
      const { hostSecret, hostSecretHash } = session;
      if (hostSecret === undefined && hostSecretHash === undefined) throw new Error("saveSession needs hostSecret or hostSecretHash");
      // The same teacher saving again is fine; a new class must never inherit an earlier class's rounds.
      const existing = selectSession.get(session.code) as { host_secret_hash: string } | undefined;
      const sameHost = existing === undefined || existing.host_secret_hash === "" || existing.host_secret_hash === hostSecretHash ||
        (hostSecret !== undefined && hostSecretMatches(hostSecret, existing.host_secret_hash));
      if (!sameHost) throw new Error(`join code ${session.code} already holds another session's results`);
      const hash = existing?.host_secret_hash || (hostSecretHash ?? hashHostSecret(hostSecret!));
      upsertSession.run(session.code, hash, session.scenarioId, session.createdAt ?? now().toISOString());
    },
    saveRound(r) {
      transaction(() => {
        ensureSession.run(r.code, r.scenarioId, now().toISOString());
        deleteRound.run(r.code, r.round);
        insertRound.run(r.code, r.round, r.scenarioId, r.outcome, r.startedAt, r.endedAt, r.days, JSON.stringify(r.summary));
        for (const p of r.players) {
          const measures: Measure[] = p.measures.map((m) => ({ label: m.label, value: m.value, units: m.units }));
          insertPlayer.run(r.code, r.round, p.nickname, p.role, p.squads, JSON.stringify(measures));
        }
      });
    },
    rounds,
    hasSession: (code) => selectSession.get(code) !== undefined,
    saveQuizAnswer: (a) => quiz.save(a),
    quizAnswers: (code) => quiz.list(code),
    csv: (code) => roundsToCsv(rounds(code), quiz.list(code)),
    verifyHost(code, secret) {
      const row = selectSession.get(code) as { host_secret_hash: string } | undefined;
      return row !== undefined && typeof secret === "string" && secret.length > 0 && hostSecretMatches(secret, row.host_secret_hash);
    },
    deleteOlderThan(days, at = now()) {
      const cutoff = new Date(at.getTime() - days * DAY_MS).toISOString();
      return Number(deleteBefore.run(cutoff).changes);
    },
    close: () => db.close(),
  };
}
