import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import knexFactory, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';

// The embedded database of `npm start` is in memory: every start migrated and seeded it again (most of the start
// time). A migrated and seeded data directory is kept as a tarball under .chengxin/ (gitignored), named after
// everything that decides its contents: migration and seed sources, PGlite's version, the sample size and the data
// key (its hash: ID numbers are stored encrypted with it). Any change to those builds a new one.
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE_DIR = join(ROOT, '.chengxin', 'pglite-snapshots');

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]))));
  return nested.flat().sort();
}

/**
 * The installed PGlite's version, from the package.json above the module Node resolves — wherever node_modules is
 * (beside the sources, or beside a production build's dist/, whose ROOT is dist/).
 */
async function pgliteVersion(): Promise<string> {
  let dir = dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite')));
  for (;;) {
    try {
      const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { name?: string; version: string };
      if (manifest.name === '@electric-sql/pglite') return manifest.version;
    } catch {
      // No package.json at this level: keep walking up.
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the package.json of @electric-sql/pglite above the module Node resolves; reinstall dependencies (npm ci)');
    dir = parent;
  }
}

/** The name of the snapshot of sample data of `size` with `dataKey`: a hash of everything that shapes it. */
export async function sampleSnapshotKey(size: string, dataKey: Buffer | string): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`pglite ${await pgliteVersion()}\nsize ${size}\nkey ${createHash('sha256').update(dataKey).digest('hex')}\n`);
  // Migrations, the seed generator and its data, and what they import from src/ (codes, credit rules).
  for (const dir of ['db', 'src/codes', 'src/credit']) {
    for (const file of await listFiles(join(ROOT, dir))) {
      hash.update(`${file.slice(ROOT.length)}\n`);
      hash.update(await readFile(file));
    }
  }
  return hash.digest('hex').slice(0, 24);
}

/** A knex on a started PGlite (its one connection is never waited for long: the database is ready). */
async function knexOn(pglite: PGlite): Promise<Knex> {
  await pglite.waitReady;
  return knexFactory({ client: ClientPgLite as unknown as typeof knexFactory.Client, dialect: 'postgres', connection: { pglite } } as Knex.Config);
}

/** What `openSampleSnapshot` gives: the database and what its sample data says of itself. */
export interface SampleSnapshot<T> {
  knex: Knex;
  /** Whether it came from a stored snapshot (false: `build` ran and its result was stored). */
  restored: boolean;
  summary: T;
}

/**
 * An in-memory PGlite holding the stored snapshot named `key`, or a fresh one `build` fills (migrate, load the
 * sample) and that is then stored under `key` with `build`'s JSON summary. A snapshot that cannot be read is built
 * again; one that cannot be written is only not kept.
 */
export async function openSampleSnapshot<T>(key: string, build: (knex: Knex) => Promise<T>): Promise<SampleSnapshot<T>> {
  const file = join(CACHE_DIR, `${key}.tar.gz`);
  try {
    const [data, summary] = await Promise.all([readFile(file), readFile(`${file}.json`, 'utf8')]);
    const pglite = new PGlite({ loadDataDir: new Blob([data]) });
    return { knex: await knexOn(pglite), restored: true, summary: JSON.parse(summary) as T };
  } catch {
    // No snapshot yet (or a broken one): build it.
  }
  const pglite = new PGlite();
  const knex = await knexOn(pglite);
  const summary = await build(knex);
  try {
    const dump = await pglite.dumpDataDir('gzip');
    await mkdir(CACHE_DIR, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, Buffer.from(await dump.arrayBuffer()));
    await writeFile(`${file}.json`, JSON.stringify(summary));
    await rename(temporary, file);
  } catch {
    // A read-only checkout still starts; it only builds the data again next time.
  }
  return { knex, restored: false, summary };
}
