import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printHubSchemas } from '../../src/hub/printHubSchema.js';
import { findUndocumented } from './schemaDocs.js';

describe('committed schema files', () => {
  it.each(['credit.graphql', 'hub.graphql'])('schema/%s is up to date (run `npm run schema:print`)', async (file) => {
    const printed = await printHubSchemas();
    const committed = readFileSync(new URL(`../../schema/${file}`, import.meta.url), 'utf8');
    expect(committed).toBe(printed[file]);
  });

  it('documents every type, field, argument and enum value of the hub schema', () => {
    const schema = buildSchema(readFileSync(new URL('../../schema/hub.graphql', import.meta.url), 'utf8'));
    expect(findUndocumented(schema)).toEqual([]);
  });
});
