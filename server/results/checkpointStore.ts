// Where live classes' checkpoints are kept so that a class outlives a crash of the server (classroom/checkpoint.ts
// says what one holds; classroom/resume.ts brings them back at start-up). One row per live class, replaced at each
// save, deleted when the class ends normally; rows not saved for a long time are stale and dropped. The default is a
// table in the results file (node:sqlite, its own connection and table, so the results' schema is not touched); the
// interface is small enough for another database later (issue 16). Opened by server/main.ts; rooms use the active one.

import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync } from "node:sqlite";

export interface StoredCheckpoint {
  code: string;
  /** ISO time of the last save. */
  savedAt: string;
  /** The checkpoint as JSON (its own version inside). */
  body: string;
}

export interface CheckpointStore {
  /** Replaces the class's checkpoint. */
  save(code: string, body: string): void;
  /** Every stored checkpoint, oldest save first. */
  list(): StoredCheckpoint[];
  delete(code: string): void;
  /** Deletes checkpoints last saved more than `hours` before `now`; returns how many. */
  deleteOlderThan(hours: number, now?: Date): number;
  close(): void;
}

const HOUR_MS = 60 * 60 * 1000;

/** Opens the checkpoints table in the SQLite file at `path` (":memory:" for a store that lives in this process only). */
export function openCheckpointStore(path: string, now: () => Date = () => new Date()): CheckpointStore {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  if (path !== ":memory:") db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA busy_timeout = 2000; CREATE TABLE IF NOT EXISTS class_checkpoints (code TEXT PRIMARY KEY, saved_at TEXT NOT NULL, body TEXT NOT NULL);");
  const upsert = db.prepare("INSERT INTO class_checkpoints (code, saved_at, body) VALUES (?, ?, ?) ON CONFLICT (code) DO UPDATE SET saved_at = excluded.saved_at, body = excluded.body");
  const all = db.prepare("SELECT code, saved_at AS savedAt, body FROM class_checkpoints ORDER BY saved_at");
  const remove = db.prepare("DELETE FROM class_checkpoints WHERE code = ?");
  const removeOld = db.prepare("DELETE FROM class_checkpoints WHERE saved_at < ?");
  let open = true;
  return {
    save: (code, body) => void upsert.run(code, now().toISOString(), body),
    list: () => all.all() as unknown as StoredCheckpoint[],
    delete: (code) => void remove.run(code),
    deleteOlderThan: (hours, at = now()) => Number(removeOld.run(new Date(at.getTime() - hours * HOUR_MS).toISOString()).changes),
    close: () => {
      if (open) db.close();
      open = false;
    },
  };
}

let active: CheckpointStore | undefined;

/** Makes `store` the one classes save their checkpoints into (server/app.ts). */
export function setCheckpointStore(store: CheckpointStore): void {
  active = store;
}

/** The store classes checkpoint into (an in-memory one unless a server set one: a room test never touches a file). */
export function getCheckpointStore(): CheckpointStore {
  active ??= openCheckpointStore(":memory:");
  return active;
}
