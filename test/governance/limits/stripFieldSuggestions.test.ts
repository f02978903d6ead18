import { graphql, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { stripFieldSuggestions } from '../../../src/governance/limits/index.js';
import { readHubSchema } from './smallSchema.js';

const hubSchema = readHubSchema();

describe('stripFieldSuggestions', () => {
  it('removes the suggestions from validation errors over the hub schema', () => {
    const errors = validate(hubSchema, parse('{ subject(uscc: "91440300MA5E9NHA04") { nme creditRecords(filter: { kinds: [ADMINISTRATIVE_PENALTI] }) { totalCount } } }'));
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^Cannot query field "nme" on type "CreditSubject"\. Did you mean .*\?$/),
      expect.stringMatching(/^Value "ADMINISTRATIVE_PENALTI" does not exist in "CreditRecordKind" enum\. Did you mean the enum value "ADMINISTRATIVE_PENALTY".*\?$/),
    ]);
    expect(errors.map((e) => stripFieldSuggestions(e.message))).toEqual([
      'Cannot query field "nme" on type "CreditSubject".',
      'Value "ADMINISTRATIVE_PENALTI" does not exist in "CreditRecordKind" enum.',
    ]);
  });

  it('removes them from variable errors, which Apollo\'s hideSchemaDetailsFromClientErrors does not reach', async () => {
    const result = await graphql({
      schema: hubSchema,
      source: 'query ($filter: CreditRecordFilter) { creditRecords(filter: $filter) { totalCount } }',
      variableValues: { filter: { kindz: ['FINE'] } },
    });
    const message = result.errors?.[0]?.message ?? '';
    expect(message).toMatch(/Field "kindz" is not defined by type "CreditRecordFilter"\. Did you mean "kinds"\?$/);
    expect(stripFieldSuggestions(message)).toBe('Variable "$filter" got invalid value { kindz: ["FINE"] }; Field "kindz" is not defined by type "CreditRecordFilter".');
  });

  it('leaves a message without suggestions unchanged', () => {
    expect(stripFieldSuggestions('operation depth 14 exceeds maxDepth 12; split the query into shallower operations'))
      .toBe('operation depth 14 exceeds maxDepth 12; split the query into shallower operations');
  });
});
