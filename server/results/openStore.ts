// Which results store this process uses: PostgreSQL when DATABASE_URL is set (for several processes sharing one
// database), else the SQLite file at RESULTS_DB (the embedded default, one process). Called by server/main.ts.

import { openPostgresStore } from "./postgresStore.ts";
import { openResultsStore, type ResultsStore } from "./resultsStore.ts";

export interface StoreChoice {
  /** postgres://… or postgresql://…; when set, the SQLite file is not used for results. */
  databaseUrl?: string;
  /** The SQLite file otherwise. */
  sqlitePath: string;
}

/** The settings from the environment: DATABASE_URL, else RESULTS_DB, else `defaultPath`. */
export function storeChoiceFromEnv(env: NodeJS.ProcessEnv, defaultPath: string): StoreChoice {
  const url = env.DATABASE_URL?.trim();
  return { databaseUrl: url ? url : undefined, sqlitePath: env.RESULTS_DB || defaultPath };
}

/** Where the results go, in words for the start-up line and error messages (a URL's password is never shown). */
export function describeStore(choice: StoreChoice): string {
  if (!choice.databaseUrl) return `the SQLite file ${choice.sqlitePath}`;
  try {
    const u = new URL(choice.databaseUrl);
    return `PostgreSQL at ${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname}`;
  } catch {
    return "PostgreSQL (DATABASE_URL)";
  }
}

/** Opens the chosen store; rejects with a sentence a person can act on when the URL is not a PostgreSQL one. */
export async function openStore(choice: StoreChoice): Promise<ResultsStore> {
  if (!choice.databaseUrl) return openResultsStore(choice.sqlitePath);
  if (!/^postgres(ql)?:\/\//.test(choice.databaseUrl)) {
    throw new Error("DATABASE_URL must start with postgres:// or postgresql:// (leave it unset to keep results in the SQLite file)");
  }
  return openPostgresStore(choice.databaseUrl);
}
