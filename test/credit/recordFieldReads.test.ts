import 'reflect-metadata';
import type { Executor } from '@graphql-tools/utils';
import { getNamedType, isEnumType, isObjectType, isScalarType, parse, type ExecutionResult, type GraphQLNamedType, type GraphQLSchema } from 'graphql';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCreditSubschema, KnexCreditStore, type CreditStore } from '../../src/credit/index.js';
import { ORGANISATION_FIELD_READS } from '../../src/credit/organisationFieldReads.js';
import { RECORD_FIELD_READS } from '../../src/credit/recordFieldReads.js';
import { createSeededKnex } from '../support/createTestStore.js';
import { TEST_DATABASES } from '../support/databases.js';

// A page of records reads only the columns its selection needs (recordFieldReads.ts). The table is right when every
// field of CreditRecord, selected alone, answers exactly as it does from whole rows.

// The leaves of `type` one level down (objects below reduced to their type name), so a field's whole value is compared.
function selectionOf(type: GraphQLNamedType): string {
  if (isScalarType(type) || isEnumType(type)) return '';
  if (!isObjectType(type)) return '{ __typename ... on Enterprise { uscc name } ... on GovernmentBody { uscc name } }';
  const leaves = Object.values(type.getFields()).filter((f) => f.args.every((a) => a.defaultValue !== undefined || !String(a.type).endsWith('!')))
    .map((f) => { const named = getNamedType(f.type); return isScalarType(named) || isEnumType(named) ? f.name : `${f.name} { __typename }`; });
  return `{ ${leaves.join(' ')} }`;
}

describe.each(TEST_DATABASES)('the columns a page of records reads on $name', (database) => {
  let seeded: { knex: Knex; close(): Promise<void> };
  let pruned: { schema: GraphQLSchema; execute: Executor };
  let whole: { schema: GraphQLSchema; execute: Executor };
  let usccs: string[];
  const statements: string[] = [];

  beforeAll(async () => {
    seeded = await createSeededKnex(database);
    seeded.knex.on('query', (query: { sql: string }) => { if (query.sql.includes('row_number()')) statements.push(query.sql); });
    const store = KnexCreditStore.create(seeded.knex);
    // The reference: the same store, made to read whole rows whatever the page asks for.
    const wholeRows = new Proxy(store, {
      get(target, key) {
        if (key === 'recordPagesByOwner') return (owners: never, page: never, options: { parties?: never } = {}) => target.recordPagesByOwner(owners, page, options.parties ? { parties: options.parties } : {});
        const value = Reflect.get(target, key) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as CreditStore;
    const a = await createCreditSubschema(store);
    const b = await createCreditSubschema(wholeRows);
    pruned = { schema: a.schema, execute: a.executor as Executor };
    whole = { schema: b.schema, execute: b.executor as Executor };
    // Subjects of every kind of record, individual businesses (whose operator's name is masked in text) among them.
    const kinds = await seeded.knex('credit_records').distinct('kind').pluck('kind') as string[];
    const picked = await Promise.all(kinds.map((kind) => seeded.knex('credit_records').where({ kind }).whereNotNull('subject_uscc').orderBy('id').limit(3).pluck('subject_uscc')));
    const individual = await seeded.knex('credit_records').where('subject_uscc', 'like', '92%').orderBy('id').limit(3).pluck('subject_uscc');
    usccs = [...new Set([...picked.flat(), ...individual] as string[])];
    // Parties with every particular filled in, so that a property left out of a read shows: one record's authority
    // becomes an enterprise with all its registration data and former names, another's source unit a body under a parent.
    const { knex } = seeded;
    const full = await knex('organisations').where({ kind: 'ENTERPRISE' }).whereNotNull('legal_representative').whereNotNull('established_on')
      .whereNotNull('industry_code').whereNotNull('registered_capital').whereNotNull('registration_status').whereNotNull('business_scope')
      .whereNotNull('registration_authority_uscc').whereRaw("former_names::text <> '[]'").orderBy('uscc').first('uscc');
    const underParent = await knex('organisations').where({ kind: 'GOVERNMENT_BODY' }).whereNotNull('parent_uscc').orderBy('uscc').first('uscc');
    expect(full && underParent).toBeTruthy();
    const shown = await run(pruned, 'query ($usccs: [USCC!]!) { subjects(usccs: $usccs) { creditRecords(first: 1) { edges { node { id } } } } }');
    const [first, second] = JSON.stringify(shown.data).match(/"id":"\d+"/g)!.map((m) => m.slice(6, -1));
    await knex('credit_records').where({ id: first }).update({ authority_uscc: full.uscc });
    await knex('credit_records').where({ id: second }).update({ source_unit_uscc: underParent.uscc });
  });
  afterAll(async () => seeded?.close());

  async function run(target: { execute: Executor }, source: string): Promise<ExecutionResult> {
    return JSON.parse(JSON.stringify(await target.execute({ document: parse(source), variables: { usccs }, context: {} }))) as ExecutionResult;
  }

  it('has an entry for every field of CreditRecord', () => {
    const type = pruned.schema.getType('CreditRecord');
    expect(isObjectType(type) && Object.keys(type.getFields()).filter((f) => !(f in RECORD_FIELD_READS))).toEqual([]);
  });

  it('answers every field of CreditRecord, selected alone, as from whole rows', async () => {
    const type = pruned.schema.getType('CreditRecord');
    if (!isObjectType(type)) throw new Error('no CreditRecord type');
    for (const field of Object.values(type.getFields())) {
      const source = `query ($usccs: [USCC!]!) { subjects(usccs: $usccs) { creditRecords(first: 20) { edges { cursor node { ${field.name} ${selectionOf(getNamedType(field.type))} } } } } }`;
      statements.length = 0;
      const answer = await run(pruned, source);
      expect(answer.errors, field.name).toBeUndefined();
      expect(answer, field.name).toEqual(await run(whole, source));
      expect(JSON.stringify(answer).length, field.name).toBeGreaterThan(200);
    }
  });

  it('has an entry for every field of every subject type', () => {
    const subject = pruned.schema.getType('CreditSubject');
    const types = subject && 'getFields' in subject ? pruned.schema.getPossibleTypes(subject as never) : [];
    expect(types.length).toBeGreaterThan(2);
    expect(types.flatMap((type) => Object.keys(type.getFields())).filter((f) => !(f in ORGANISATION_FIELD_READS))).toEqual([]);
  });

  it('answers every field of a record\'s authority and source unit, selected alone, as from whole organisations', async () => {
    const subject = pruned.schema.getType('CreditSubject');
    const types = subject ? pruned.schema.getPossibleTypes(subject as never) : [];
    for (const type of types) {
      for (const field of Object.values(type.getFields())) {
        if (field.name === 'creditRecords') continue;
        const inner = `... on ${type.name} { ${field.name} ${selectionOf(getNamedType(field.type))} }`;
        const source = `query ($usccs: [USCC!]!) { subjects(usccs: $usccs) { creditRecords(first: 20) { edges { node { id authority { ${inner} } sourceUnit { ${inner} } } } } } }`;
        const answer = await run(pruned, source);
        expect(answer.errors, `${type.name}.${field.name}`).toBeUndefined();
        expect(answer, `${type.name}.${field.name}`).toEqual(await run(whole, source));
        // A field read from a property of its own has a value somewhere in the answer for the types the parties have.
        if ((ORGANISATION_FIELD_READS[field.name]?.length ?? 0) > 0 && ['Enterprise', 'GovernmentBody'].includes(type.name) && (type.name === 'Enterprise' || field.name === 'parent')) {
          expect(JSON.stringify(answer), `${type.name}.${field.name}`).toMatch(new RegExp(`"${field.name}":(?!null|\\[\\])`));
        }
      }
    }
  });

  it('leaves long text out of the statement when the client does not select it', async () => {
    statements.length = 0;
    await run(pruned, 'query ($usccs: [USCC!]!) { subjects(usccs: $usccs) { creditRecords(first: 5) { edges { node { id kind decisionDate authority { name } } } } } }');
    expect(statements[0]).toBeDefined();
    expect(statements[0]).not.toMatch(/"r"\."(content|title|legal_basis|details)"/);
    expect(statements[0]).not.toContain('"ps"');
    expect(statements[0]).not.toMatch(/"pa"\."(business_scope|former_names)"/);
    statements.length = 0;
    await run(pruned, 'query ($usccs: [USCC!]!) { subjects(usccs: $usccs) { creditRecords(first: 5) { edges { node { id content } } } } }');
    expect(statements[0]).toMatch(/"r"\."content"/);
  });
});
