import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { schemaFilePath } from '../../schema/readSchemaFile.js';
import { printHubSchemas } from './printHubSchema.js';

// `npm run schema:print`: regenerates schema/*.graphql; a test fails when they are out of date.
const schemas = await printHubSchemas();
for (const [file, sdl] of Object.entries(schemas)) {
  writeFileSync(schemaFilePath(file), sdl);
  console.log(`wrote schema/${file} (${sdl.length} bytes)`);
}
