import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  computeEntryHash, KnexAuditLedger, KnexConsumerStore, verifyLedger, type AuditEntryInput,
} from '../../src/governance/index.js';
import { contentOf, toAuditEntry } from '../../src/governance/ledgerRows.js';
import { TEST_DATABASES } from '../support/databases.js';
import { createMigratedDatabase, type MigratedDatabase } from './migratedDatabase.js';

const ACME = '91440300MA5FXXXX1Q';
const OTHER = '91440300MA5FYYYY2R';

const read = (consumerId: string | null, subjectUsccs: string[], n = 0): AuditEntryInput => ({
  consumerId, purpose: consumerId ? 'BIDDING' : null, caseReference: consumerId ? `ZB-2026-${n}` : null,
  operationName: 'Subject', documentHash: 'ab'.repeat(32), fieldsRead: ['Enterprise.creditRecords', 'CreditRecord.title'],
  subjectUsccs, civilServantIds: [], outcome: 'OK', details: { n, nested: { b: 1, a: [true, null, 'x'] } },
});

describe.each(TEST_DATABASES)('audit ledger on $name', (database) => {
  let db: MigratedDatabase;
  let ledger: KnexAuditLedger;
  beforeAll(async () => {
    db = await createMigratedDatabase(database);
    ledger = KnexAuditLedger.create(db.knex);
    await KnexConsumerStore.create(db.knex).createConsumer({
      id: 'bidding-system', name: 'Shenzhen bidding platform', kind: 'SYSTEM', roles: ['BIDDING_SYSTEM'],
    });
  });
  afterAll(async () => db.close());

  it('chains entries from seq 1 and verifies an empty and a filled ledger', async () => {
    expect(await verifyLedger(db.knex)).toEqual({ ok: true, entries: 0, headHash: '0'.repeat(64) });
    const first = await ledger.append(read('bidding-system', [ACME], 1));
    const [second, third] = await ledger.appendMany([read(null, [OTHER], 2), read('bidding-system', [ACME, OTHER], 3)]);
    expect([first.seq, second!.seq, third!.seq]).toEqual([1, 2, 3]);
    expect(first.prevHash).toBe('0'.repeat(64));
    expect(second!.prevHash).toBe(first.entryHash);
    expect(third!.prevHash).toBe(second!.entryHash);
    expect(third!.details).toEqual({ n: 3, nested: { b: 1, a: [true, null, 'x'] } });
    expect(await verifyLedger(db.knex, { batchSize: 2 })).toEqual({ ok: true, entries: 3, headHash: third!.entryHash });
  });

  it.each([
    ['UPDATE', "UPDATE audit_ledger SET outcome = 'ERROR' WHERE seq = 1"],
    ['DELETE', 'DELETE FROM audit_ledger WHERE seq = 3'],
    ['TRUNCATE', 'TRUNCATE audit_ledger'],
  ])('the database refuses %s', async (operation, sql) => {
    await expect(db.knex.raw(sql)).rejects.toThrow(`audit_ledger is append-only: ${operation} is refused`);
    expect(await verifyLedger(db.knex)).toMatchObject({ ok: true, entries: 3 });
  });

  it('refuses an insert that does not continue the chain', async () => {
    const { headHash } = (await verifyLedger(db.knex)) as { headHash: string };
    const row = { occurred_at: new Date(), outcome: 'OK', entry_hash: 'c'.repeat(64) };
    await expect(db.knex('audit_ledger').insert({ ...row, seq: 5, prev_hash: headHash })).rejects.toThrow(/does not continue the chain/);
    await expect(db.knex('audit_ledger').insert({ ...row, seq: 4, prev_hash: 'd'.repeat(64) })).rejects.toThrow(/does not continue the chain/);
  });

  it('lists who read a subject, newest first, page by page', async () => {
    const page1 = await ledger.listAccessesToSubject(ACME, { limit: 1 });
    expect(page1.entries).toEqual([expect.objectContaining({
      seq: 3, consumerId: 'bidding-system', consumerName: 'Shenzhen bidding platform', purpose: 'BIDDING',
      caseReference: 'ZB-2026-3', fieldsRead: ['Enterprise.creditRecords', 'CreditRecord.title'], outcome: 'OK',
    })]);
    expect(page1.nextBefore).toBe(3);
    const page2 = await ledger.listAccessesToSubject(ACME, { limit: 1, before: 3 });
    expect(page2.entries.map((e) => e.seq)).toEqual([1]);
    expect(page2.nextBefore).toBeNull();
    expect((await ledger.listAccessesToSubject(OTHER, { limit: 10 })).entries.map((e) => [e.seq, e.consumerName]))
      .toEqual([[3, 'Shenzhen bidding platform'], [2, null]]);
  });

  it('stays gapless and verifies after concurrent appends from two processes', async () => {
    // On PostgreSQL: two pools, as two hub processes would have. In-memory PGlite has one connection.
    const second = db.url ? KnexAuditLedger.create(db.connect()) : ledger;
    const before = (await verifyLedger(db.knex)) as { entries: number };
    const burst = (l: KnexAuditLedger, tag: string) =>
      Promise.all(Array.from({ length: 200 }, (_, i) => l.append(read('bidding-system', [ACME], i)).then((e) => [tag, e.seq] as const)));
    const results = (await Promise.all([burst(ledger, 'a'), burst(second, 'b')])).flat();
    const seqs = results.map(([, seq]) => seq).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 400 }, (_, i) => before.entries + 1 + i));
    expect(await verifyLedger(db.knex, { batchSize: 64 })).toMatchObject({ ok: true, entries: before.entries + 400 });
  });

  it('groups concurrent appends into one transaction and fails only the caller whose entry the database refuses', async () => {
    const before = (await verifyLedger(db.knex)) as { entries: number };
    // The first starts a group at once; the next three wait and commit together, after the bad one is set aside.
    const settled = await Promise.allSettled([
      ledger.append(read('bidding-system', [ACME], 1)),
      ledger.append(read('bidding-system', [ACME], 2)),
      ledger.append({ ...read('bidding-system', [ACME], 3), outcome: 'NOT_AN_OUTCOME' as AuditEntryInput['outcome'] }),
      ledger.append(read('bidding-system', [ACME], 4)),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const seqs = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value.seq - before.entries] : []));
    expect(seqs).toEqual([1, 2, 3]);
    expect(await verifyLedger(db.knex)).toMatchObject({ ok: true, entries: before.entries + 3 });
  });

  // A superuser can switch triggers off; the hash chain still shows what was changed, and where. Each case
  // puts the row back afterwards, so the next starts from a sound ledger.
  const rehashWithPurpose = async (trx: Knex, seq: number, original: Record<string, unknown>) => {
    const forged = { ...toAuditEntry(original), purpose: 'STATISTICS' };
    const entryHash = computeEntryHash(forged.prevHash, contentOf(forged));
    await trx('audit_ledger').where({ seq }).update({ purpose: 'STATISTICS', entry_hash: entryHash });
  };
  it.each([
    ['a changed purpose', (trx: Knex, seq: number) => trx('audit_ledger').where({ seq }).update({ purpose: 'STATISTICS' }), 0,
      "entry_hash does not match the entry's content (altered after it was written)"],
    ['a changed time', (trx: Knex, seq: number) => trx.raw("UPDATE audit_ledger SET occurred_at = occurred_at - interval '1 day' WHERE seq = ?", [seq]), 0,
      "entry_hash does not match the entry's content (altered after it was written)"],
    ['a deleted row', (trx: Knex, seq: number) => trx('audit_ledger').where({ seq }).delete(), 0, 'entry :seq is missing (next entry is :next)'],
    ['a change rehashed to hide it (seen by the next entry)', rehashWithPurpose, 1, "prev_hash does not match entry :seq's entry_hash"],
  ])('reports %s at its exact position', async (_case, mutate, offset, reason) => {
    const { entries } = (await verifyLedger(db.knex)) as { entries: number };
    const seq = entries - 17;
    const original = await db.knex('audit_ledger').where({ seq }).first();
    const asSuperuser = (statement: (trx: Knex) => Promise<unknown>) => db.knex.transaction(async (trx) => {
      await trx.raw('SET LOCAL session_replication_role = replica');
      await statement(trx);
    });
    await asSuperuser((trx) => mutate(trx, seq, original));
    expect(await verifyLedger(db.knex, { batchSize: 50 })).toEqual({
      ok: false, seq: seq + offset, reason: reason.replace(':seq', String(seq)).replace(':next', String(seq + 1)),
    });
    await asSuperuser(async (trx) => {
      await trx('audit_ledger').where({ seq }).delete();
      await trx('audit_ledger').insert({ ...original, details: JSON.stringify(original.details) });
    });
    expect(await verifyLedger(db.knex)).toMatchObject({ ok: true, entries });
  });
});
