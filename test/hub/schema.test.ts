import 'reflect-metadata';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printHubSchemas } from '../../src/hub/printHubSchema.js';
import { findUndocumented } from './schemaDocs.js';
import { readSchemaFile } from '../../schema/readSchemaFile.js';

describe('committed schema files', () => {
  it.each(['credit.graphql', 'hub.graphql'])('schema/%s is up to date (run `npm run schema:print`)', async (file) => {
    const printed = await printHubSchemas();
    const committed = readSchemaFile(file);
    expect(committed).toBe(printed[file]);
  });

  it('documents every type, field, argument and enum value of the hub schema', () => {
    const schema = buildSchema(readSchemaFile('hub.graphql'));
    expect(findUndocumented(schema)).toEqual([]);
  });
});
