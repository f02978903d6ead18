import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Knex } from 'knex';
import { afterAll, describe, expect, it } from 'vitest';
import { openSampleSnapshot, sampleSnapshotKey } from '../../db/sampleSnapshot.js';

const SNAPSHOTS = join(dirname(fileURLToPath(import.meta.url)), '../../.chengxin/pglite-snapshots');

describe('the sample snapshot npm start opens on the in-memory database', () => {
  const key = `test-${randomBytes(6).toString('hex')}`;
  afterAll(async () => {
    await rm(join(SNAPSHOTS, `${key}.tar.gz`), { force: true });
    await rm(join(SNAPSHOTS, `${key}.tar.gz.json`), { force: true });
  });

  it('builds the database once, then starts from the stored copy with its rows and summary', async () => {
    let builds = 0;
    const build = async (knex: Knex) => {
      builds += 1;
      await knex.raw('CREATE TABLE t (id int PRIMARY KEY, name text)');
      await knex('t').insert([{ id: 1, name: '深圳' }, { id: 2, name: '南山' }]);
      return { asOf: '2026-11-01', rows: 2 };
    };
    const first = await openSampleSnapshot(key, build);
    await first.knex.destroy();
    const second = await openSampleSnapshot(key, build);
    const rows = await second.knex('t').orderBy('id').select('*');
    await second.knex.destroy();
    expect({ builds, first: [first.restored, first.summary], second: [second.restored, second.summary], rows })
      .toEqual({ builds: 1, first: [false, { asOf: '2026-11-01', rows: 2 }], second: [true, { asOf: '2026-11-01', rows: 2 }], rows: [{ id: 1, name: '深圳' }, { id: 2, name: '南山' }] });
  });

  it('names the snapshot after the size and the data key', async () => {
    const keys = new Set([await sampleSnapshotKey('small', 'a'), await sampleSnapshotKey('large', 'a'), await sampleSnapshotKey('small', 'b')]);
    expect(keys.size).toBe(3);
  });
});
