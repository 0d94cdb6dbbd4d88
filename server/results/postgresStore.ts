// The classroom results store on PostgreSQL (DATABASE_URL=postgres://…), for a deployment of several server
// processes that must all reach the same results. The same tables, rules, retention and CSV as the SQLite file
// (resultsStore.ts); times are kept as the same ISO strings, so both engines sort and cut off alike. Safe for several
// processes at once: the schema is made under an advisory lock, a round is saved in one transaction.
// Opened by openStore.ts; the pure JavaScript client `pg` (no native addon).

import pg from "pg";
import type { QuizPhase } from "../../shared/quiz/quizScore.ts";
import type { Objective, Tier } from "../../shared/quiz/quizItems.ts";
import { roundsToCsv } from "./csv.ts";
import { hostSecretMatches } from "./hostSecret.ts";
import type { QuizAnswerRecord } from "./quizAnswers.ts";
import { cutoffOf, keptHash, measuresOf, roundsOf, sameHost, SCHEMA_VERSION, type ResultsStore, type RoundRecord, type StoreOptions } from "./resultsStore.ts";

/** Any number, the same in every process: the key of the lock taken while the tables are made. */
const SCHEMA_LOCK = 0x11c2_c0de;

const TABLES = `
  CREATE TABLE IF NOT EXISTS results_schema (version INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS sessions (
    code TEXT PRIMARY KEY,
    host_secret_hash TEXT NOT NULL,
    scenario_id TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS sessions_created ON sessions (created_at);
  CREATE TABLE IF NOT EXISTS rounds (
    code TEXT NOT NULL REFERENCES sessions (code) ON DELETE CASCADE,
    round INTEGER NOT NULL,
    scenario_id TEXT NOT NULL,
    outcome TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT NOT NULL,
    days DOUBLE PRECISION NOT NULL,
    summary TEXT NOT NULL,
    PRIMARY KEY (code, round)
  );
  CREATE TABLE IF NOT EXISTS players (
    id BIGSERIAL PRIMARY KEY,
    code TEXT NOT NULL,
    round INTEGER NOT NULL,
    nickname TEXT NOT NULL,
    role TEXT NOT NULL,
    squads TEXT NOT NULL,
    measures TEXT NOT NULL,
    FOREIGN KEY (code, round) REFERENCES rounds (code, round) ON DELETE CASCADE
  );
  CREATE INDEX IF NOT EXISTS players_round ON players (code, round);
  CREATE TABLE IF NOT EXISTS quiz_answers (
    seq BIGSERIAL,
    code TEXT NOT NULL REFERENCES sessions (code) ON DELETE CASCADE,
    phase TEXT NOT NULL CHECK (phase IN ('pre', 'post')),
    nickname TEXT NOT NULL,
    item_id TEXT NOT NULL,
    objective INTEGER NOT NULL,
    tier TEXT NOT NULL CHECK (tier IN ('choice', 'reason')),
    pick INTEGER NOT NULL,
    correct INTEGER NOT NULL,
    answered_at TEXT NOT NULL,
    PRIMARY KEY (code, phase, nickname, item_id, tier)
  );`;

type Queryable = Pick<pg.PoolClient, "query">;

/** Makes the tables once, whichever process gets there first; refuses a database written by a newer server. */
function migrate(pool: pg.Pool): Promise<void> {
  return inTransaction(pool, async (q) => {
    await q.query("SELECT pg_advisory_xact_lock($1)", [SCHEMA_LOCK]);
    await q.query(TABLES);
    const { rows } = await q.query<{ version: number }>("SELECT version FROM results_schema");
    const version = rows[0]?.version ?? 0;
    if (version > SCHEMA_VERSION) throw new Error(`the results database was written by a newer server (schema ${version}; this one knows ${SCHEMA_VERSION})`);
    if (rows.length === 0) await q.query("INSERT INTO results_schema (version) VALUES ($1)", [SCHEMA_VERSION]);
    else if (version < SCHEMA_VERSION) await q.query("UPDATE results_schema SET version = $1", [SCHEMA_VERSION]);
  });
}

/** Runs `work` in one transaction on one connection of the pool. */
async function inTransaction(pool: pg.Pool, work: (q: Queryable) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await work(client);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/** Connects to the database at `url`, makes its tables if needed, and returns the store. */
export async function openPostgresStore(url: string, options: StoreOptions = {}): Promise<ResultsStore> {
  const now = options.now ?? (() => new Date());
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // a connection that drops while idle must not crash the server: the next query opens another
  pool.on("error", (err) => console.error(`Results database connection lost: ${err.message}`));
  try {
    await migrate(pool);
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  }

  const hashOf = async (code: string): Promise<string | undefined> =>
    (await pool.query<{ host_secret_hash: string }>("SELECT host_secret_hash FROM sessions WHERE code = $1", [code])).rows[0]?.host_secret_hash;
  const rounds = async (code: string): Promise<RoundRecord[]> => {
    const [r, p] = await Promise.all([
      pool.query("SELECT * FROM rounds WHERE code = $1 ORDER BY round", [code]),
      pool.query("SELECT * FROM players WHERE code = $1 ORDER BY round, id", [code]),
    ]);
    return roundsOf(r.rows, p.rows);
  };
  const quizAnswers = async (code: string): Promise<QuizAnswerRecord[]> => {
    const { rows } = await pool.query("SELECT * FROM quiz_answers WHERE code = $1 ORDER BY answered_at, seq", [code]);
    return rows.map((r: Record<string, string | number>) => ({
      code: String(r.code), phase: String(r.phase) as QuizPhase, nickname: String(r.nickname), itemId: String(r.item_id),
      objective: Number(r.objective) as Objective, tier: String(r.tier) as Tier, pick: Number(r.pick), right: Number(r.correct) === 1,
      answeredAt: String(r.answered_at),
    }));
  };
  const ensureSession = "INSERT INTO sessions (code, host_secret_hash, scenario_id, created_at) VALUES ($1, '', $2, $3) ON CONFLICT (code) DO NOTHING";

  return {
    engine: "postgres",
    async saveSession(session) {
      const existing = await hashOf(session.code);
      const hash = keptHash(existing, session);
      if (!sameHost(existing, session)) throw new Error(`join code ${session.code} already holds another session's results`);
      await pool.query(
        `INSERT INTO sessions (code, host_secret_hash, scenario_id, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (code) DO UPDATE SET host_secret_hash = excluded.host_secret_hash, scenario_id = excluded.scenario_id`,
        [session.code, hash, session.scenarioId, session.createdAt ?? now().toISOString()],
      );
    },
    async saveRound(r) {
      await inTransaction(pool, async (q) => {
        // one save of a class's round at a time, whichever process saves it (a second save replaces the first)
        await q.query("SELECT pg_advisory_xact_lock(hashtext($1))", [r.code]);
        await q.query(ensureSession, [r.code, r.scenarioId, now().toISOString()]);
        await q.query("DELETE FROM rounds WHERE code = $1 AND round = $2", [r.code, r.round]);
        await q.query(
          "INSERT INTO rounds (code, round, scenario_id, outcome, started_at, ended_at, days, summary) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
          [r.code, r.round, r.scenarioId, r.outcome, r.startedAt, r.endedAt, r.days, JSON.stringify(r.summary)],
        );
        for (const p of r.players) {
          await q.query("INSERT INTO players (code, round, nickname, role, squads, measures) VALUES ($1, $2, $3, $4, $5, $6)",
            [r.code, r.round, p.nickname, p.role, p.squads, JSON.stringify(measuresOf(p))]);
        }
      });
    },
    rounds,
    hasSession: async (code) => (await hashOf(code)) !== undefined,
    async saveQuizAnswer(a) {
      const at = a.answeredAt ?? now().toISOString();
      let saved = false;
      await inTransaction(pool, async (q) => {
        await q.query("INSERT INTO sessions (code, host_secret_hash, scenario_id, created_at) VALUES ($1, '', '', $2) ON CONFLICT (code) DO NOTHING", [a.code, at]);
        const res = await q.query(
          `INSERT INTO quiz_answers (code, phase, nickname, item_id, objective, tier, pick, correct, answered_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
          [a.code, a.phase, a.nickname, a.itemId, a.objective, a.tier, a.pick, a.right ? 1 : 0, at],
        );
        saved = res.rowCount === 1;
      });
      return saved;
    },
    quizAnswers,
    csv: async (code) => roundsToCsv(await rounds(code), await quizAnswers(code)),
    async verifyHost(code, secret) {
      const hash = await hashOf(code);
      return hash !== undefined && typeof secret === "string" && secret.length > 0 && hostSecretMatches(secret, hash);
    },
    async deleteOlderThan(days, at = now()) {
      return (await pool.query("DELETE FROM sessions WHERE created_at < $1", [cutoffOf(days, at)])).rowCount ?? 0;
    },
    close: () => pool.end(),
  };
}
