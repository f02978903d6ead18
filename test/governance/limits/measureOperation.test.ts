import { getIntrospectionQuery, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { computeOperationCost, measureOperation, type ListSizes } from '../../../src/governance/limits/index.js';
import { readHubSchema, SMALL_SCHEMA } from './smallSchema.js';

// Declared maxima for the small schema: districts at most 12; any other list 10.
const LIST_SIZES: ListSizes = { byField: new Map([['Query.districts', 12]]), undeclared: 10 };

function measure(document: string, variables?: Record<string, unknown>) {
  return measureOperation(SMALL_SCHEMA, parse(document), null, variables, LIST_SIZES);
}

const RECORDS = 'query ($first: Int) { subject(uscc: "A") { records(first: $first) { totalCount edges { node { id title } } } } }';

describe('measureOperation', () => {
  it('counts one per field and the deepest path', () => {
    expect(measure('{ subject(uscc: "A") { uscc name } }')).toEqual({ depth: 2, aliases: 0, cost: 3 });
  });

  // subject 1 + records 1 + totalCount 1 + edges 1 + first × (node 1 + id 1 + title 1): `edges` is sized by
  // the connection's page, totalCount is counted once.
  it.each([
    ['first from the variables', RECORDS, { first: 10 }, 34],
    ['first: 100 from the variables', RECORDS, { first: 100 }, 304],
    ['first left out: the default page size 20', RECORDS, {}, 64],
    ['the variable default', RECORDS.replace('$first: Int', '$first: Int = 5'), {}, 19],
    ['a literal', RECORDS.replace('($first: Int)', '').replace('$first', '3'), {}, 13],
  ])('sizes a connection by %s', (_case, document, variables, cost) => {
    expect(measure(document, variables)?.cost).toBe(cost);
  });

  // subjects 1 + n × (uscc 1 + records 1 + edges 1 + 2 × cursor 1)
  it.each([
    ['100 keys in a variable', 'query ($u: [String!]!) { subjects(usccs: $u) { uscc records(first: 2) { edges { cursor } } } }', { u: Array(100).fill('A') }, 501],
    ['a literal list of 2', '{ subjects(usccs: ["A", "B"]) { uscc records(first: 2) { edges { cursor } } } }', {}, 11],
    ['one key where a list is expected', 'query ($u: [String!]!) { subjects(usccs: $u) { uscc records(first: 2) { edges { cursor } } } }', { u: 'A' }, 6],
  ])('sizes a keyed list by its keys: %s', (_case, document, variables, cost) => {
    expect(measure(document, variables)?.cost).toBe(cost);
  });

  it('sizes a list with neither page nor keys by its declared maximum, else by the size assumed for undeclared lists', () => {
    expect(measure('{ districts { code } }')).toEqual({ depth: 2, aliases: 0, cost: 13 });
    expect(measureOperation(SMALL_SCHEMA, parse('{ districts { code } }'), null, {}, { byField: new Map(), undeclared: 10 })).toEqual({ depth: 2, aliases: 0, cost: 11 });
  });

  it('sizes the paged Enterprise.bids by its page and the list Tender.bids by its measured maximum, so the bids → tenderer → tenders → bids → bidder chain costs hundreds of thousands', () => {
    const chain = parse(`{ subject(uscc: "91440300MA5E9NHA04") { ... on Enterprise { bids(first: 100) { edges { node { tenderer { ... on GovernmentBody {
      tenders(first: 100) { edges { node { bids { bidder { name } } } } } } } } } } } } }`);
    // subject 1 + bids 1 + edges 1 + 100 × (node 1 + tenderer 1 + tenders 1 + edges 1 + 100 × (node 1 + bids 1 + 16 × (bidder 1 + name 1)))
    expect(measureOperation(readHubSchema(), chain)).toEqual({ depth: 11, aliases: 0, cost: 3 + 100 * (4 + 100 * (2 + 16 * 2)) });
  });

  it('costs one subject of an abstract type by its most expensive concrete type, not by every fragment at once', () => {
    const document = parse('{ subject(uscc: "A") { uscc ... on Enterprise { tenders { code } } ... on GovernmentBody { tenders(first: 10) { totalCount edges { node { code } } } } } }');
    // 1 + uscc 1 + max(Enterprise: tenders 1 + 64 × 1, GovernmentBody: tenders 1 + totalCount 1 + edges 1 + 10 × (node 1 + code 1))
    expect(measureOperation(readHubSchema(), document)?.cost).toBe(1 + 1 + 65);
  });

  it('counts a field each time it appears: plainly, aliased, in a named fragment, in an inline fragment', () => {
    const once = measure('{ subject(uscc: "A") { name } }');
    const four = measure(`{
      subject(uscc: "A") { name }
      again: subject(uscc: "A") { name }
      ...Same
      ... on Query { subject(uscc: "A") { name } }
    }
    fragment Same on Query { subject(uscc: "A") { name } }`);
    expect(once).toEqual({ depth: 2, aliases: 0, cost: 2 });
    expect(four).toEqual({ depth: 2, aliases: 1, cost: 8 });
  });

  it('counts a fragment at every spread, its aliases and depth included', () => {
    expect(measure(`{ subject(uscc: "A") { ...Up parent { ...Up } } }
      fragment Up on Subject { a: parent { b: parent { name } } }`)).toEqual({ depth: 5, aliases: 4, cost: 1 + (3 + 1 + 3) });
  });

  it('costs introspection by the real size of its answer, and __typename like any field', () => {
    const schema = readHubSchema();
    const types = Object.values(schema.getTypeMap());
    // __schema 1 + types 1 + per type (name 1)
    expect(measureOperation(schema, parse('{ __typename s: __schema { t: types { name } } }'))).toEqual({ depth: 0, aliases: 2, cost: 1 + 1 + 1 + types.length });
    // __type 1 + name 1 + fields 1 + per field (name 1)
    const query = schema.getQueryType()!;
    expect(measureOperation(schema, parse('{ __type(name: "Query") { name fields { name } } }'))?.cost).toBe(3 + Object.keys(query.getFields()).length);
    expect(measureOperation(schema, parse('{ __type(name: "NoSuchType") { name } }'))?.cost).toBe(1);
  });

  it('costs 30 aliased __schema 30 times one, over maxCost for the full introspection query', () => {
    const schema = readHubSchema();
    const one = measureOperation(schema, parse('{ __schema { types { name fields { name args { name type { name } } type { name ofType { name } } } } } }'))!.cost;
    const thirty = Array.from({ length: 30 }, (_, i) => `a${i}: __schema { types { name fields { name args { name type { name } } type { name ofType { name } } } } }`).join(' ');
    expect(measureOperation(schema, parse(`{ ${thirty} }`))?.cost).toBe(30 * one);
    const full = measureOperation(schema, parse(getIntrospectionQuery()))!.cost;
    expect(full).toBeGreaterThan(5_000);
    expect(30 * full).toBeGreaterThan(250_000);
  });

  it('ends on fragment cycles, counting the cycle once', () => {
    expect(measure('{ subject(uscc: "A") { ...Up } } fragment Up on Subject { parent { ...Up } }')).toEqual({ depth: 2, aliases: 0, cost: 2 });
    expect(measure('{ ...A } fragment A on Query { subject(uscc: "A") { ...B } } fragment B on Subject { parent { name } ...C } fragment C on Subject { ...B }'))
      .toEqual({ depth: 3, aliases: 0, cost: 3 });
  });

  it('measures 2^40 spreads without walking them one by one', () => {
    const fragments = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join('\n');
    const document = `{ ...F0 }\n${fragments}\nfragment F40 on Query { a: districts { code } }`;
    expect(measure(document)).toEqual({ depth: 2, aliases: 2 ** 40, cost: 13 * 2 ** 40 });
  });

  it('measures the named operation and answers null for a missing one', () => {
    const document = parse('query Small { districts { code } } query Big { subject(uscc: "A") { records(first: 50) { edges { cursor } } } }');
    expect(computeOperationCost(document, 'Small', {}, SMALL_SCHEMA)).toBe(17);
    expect(computeOperationCost(document, 'Big', {}, SMALL_SCHEMA)).toBe(53);
    expect(measureOperation(SMALL_SCHEMA, document, 'Missing')).toBeNull();
    expect(computeOperationCost(document, 'Missing', {}, SMALL_SCHEMA)).toBe(0);
  });

  it('costs the 100-subject query on the hub schema', () => {
    const document = parse(`query ($usccs: [USCC!]!) {
      subjects(usccs: $usccs) { uscc name creditRecords(first: 10) { edges { node { authority { name } } } } }
    }`);
    // 1 + 100 × (uscc + name + creditRecords 1 + edges 1 + 10 × (node + authority + name))
    expect(measureOperation(readHubSchema(), document, null, { usccs: Array(100).fill('91440300MA5E9NHA04') }))
      .toEqual({ depth: 6, aliases: 0, cost: 3401 });
  });
});
