// A throwaway PostgreSQL server for the results store's tests: initdb into a temporary folder and pg_ctl start on a
// free 127.0.0.1 port, trusted local logins, stopped and deleted afterwards. It needs Debian's `postgresql` package
// (its programs under /usr/lib/postgresql/<version>/bin, or PG_BIN); when they are missing it fails with the command
// that installs them (never skips). As root (CI), the server runs as the `postgres` user, which refuses root.

import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface PostgresCluster {
  /** postgres://… of the cluster's `postgres` database. */
  url: string;
  /** A new empty database, its URL: each test its own. */
  createDatabase(name: string): string;
  stop(): void;
}

function binDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, "bin", "initdb"))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (!versions.length) {
    throw new Error("PostgreSQL's server programs are not installed. The results store's tests need them: run `apt-get install -y postgresql` (as root), or set PG_BIN to the folder holding initdb and pg_ctl.");
  }
  return join(root, versions[0], "bin");
}

const freePort = (): Promise<number> => new Promise((resolve, reject) => {
  const s = createServer();
  s.once("error", reject);
  s.listen(0, "127.0.0.1", () => {
    const { port } = s.address() as { port: number };
    s.close(() => resolve(port));
  });
});

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), "cytokine-pg-"));
  const data = join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const ids = execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim();
    const gid = execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim();
    chownSync(dir, Number(ids), Number(gid));
    chmodSync(dir, 0o700);
  }
  const run = (program: string, args: string[]) => {
    const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", join(bin, program), ...args]] : [join(bin, program), args];
    return execFileSync(cmd, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 });
  };
  const port = await freePort();
  run("initdb", ["-D", data, "-A", "trust", "-U", "cytokine", "--no-sync", "-E", "UTF8"]);
  // no socket file outside the folder, no fsync (a test server), loopback only
  run("pg_ctl", ["-D", data, "-l", join(dir, "server.log"), "-w", "-t", "60", "-o", `-h 127.0.0.1 -p ${port} -k ${dir} -F`, "start"]);
  const url = `postgres://cytokine@127.0.0.1:${port}/postgres`;
  return {
    url,
    createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      run("psql", ["-h", "127.0.0.1", "-p", String(port), "-U", "cytokine", "-d", "postgres", "-q", "-c", `CREATE DATABASE ${name}`]);
      return `postgres://cytokine@127.0.0.1:${port}/${name}`;
    },
    stop() {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
