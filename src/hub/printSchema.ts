import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { printHubSchemas } from './printHubSchema.js';

// `npm run schema:print`: regenerates schema/*.graphql; a test fails when they are out of date.
const schemas = await printHubSchemas();
for (const [file, sdl] of Object.entries(schemas)) {
  writeFileSync(new URL(`../../schema/${file}`, import.meta.url), sdl);
  console.log(`wrote schema/${file} (${sdl.length} bytes)`);
}
