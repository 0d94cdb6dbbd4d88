// One SQLite file serves one server process: two processes on the same file would each bring back the other's live
// classes at start-up and race on its rows. The first process writes `<file>.lock` holding its pid; another process
// that finds the lock held by a live server refuses with a sentence that says what to do instead. A lock left by a
// process that is gone (a crash, a kill) is taken over. Called by server/main.ts before it opens the file.

import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { dirname } from "node:path";

/** Whether `pid` is a live process other than this one (on Linux: also a Node process, so a reused pid does not count). */
function heldBy(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
  try {
    return /node/.test(readFileSync(`/proc/${pid}/cmdline`, "utf8"));
  } catch {
    return true; // no /proc (macOS): the live pid is taken at its word
  }
}

export const sqliteShareRefusal = (path: string, pid: number): string =>
  `Another server process (pid ${pid}) already keeps its classes in the SQLite file ${path}. One SQLite file serves one process: ` +
  "stop that server, or give this one its own RESULTS_DB, or for several processes set DATABASE_URL (PostgreSQL) and REDIS_URL and run `npm run start:cluster`.";

/** Claims `path` for this process until it exits; throws sqliteShareRefusal when a live process holds it. */
export function lockSqliteFile(path: string): { release(): void } {
  if (path === ":memory:") return { release() {} };
  const lock = `${path}.lock`;
  mkdirSync(dirname(lock), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, "wx");
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let held = true;
      const release = () => {
        if (!held) return;
        held = false;
        try {
          if (Number(readFileSync(lock, "utf8").trim()) === process.pid) rmSync(lock, { force: true });
        } catch { /* already gone */ }
      };
      process.once("exit", release);
      return { release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      let owner = NaN;
      try {
        owner = Number(readFileSync(lock, "utf8").trim());
      } catch { /* removed meanwhile: try again */ }
      if (heldBy(owner)) throw new Error(sqliteShareRefusal(path, owner));
      rmSync(lock, { force: true }); // left by a process that is gone
    }
  }
  throw new Error(`Could not take the lock ${lock}: another process is starting on the same SQLite file.`);
}
