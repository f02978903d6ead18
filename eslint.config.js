// ESLint: the layering of the code, checked on every `npm test`. Deliberately small: no stylistic rules.
//
// Dependencies point one way (README "Layout"; STYLE.md):
//   src/codes, src/calendar  ←  src/credit  ←  src/workflows/<name>  ←  src/hub
//   gateways  ←  src/governance  ←  src/hub
//   db depends on src/codes and, for seeding, on src/credit/index.ts only.
//   schema/readSchemaFile.ts (where the SDL files are) imports nothing of the project, so every layer may use it.
// Importers outside a part use its index.ts. The composition roots (src/hub and the entry files run by
// package.json scripts) are the only places that open the database.
import { readFileSync } from 'node:fs';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const root = import.meta.dirname;

/** The files package.json scripts run (`tsx <file>`): composition roots, allowed to open the database. */
const entryFiles = Object.values(JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).scripts)
  .flatMap((script) => [...script.matchAll(/\btsx (\S+\.ts)\b/g)].map((match) => match[1]));

const WORKFLOWS = ['./src/workflows'];
const CALENDAR = ['./src/calendar'];
const CREDIT_CORE = ['./src/credit'];

/** @param {string | string[]} target @param {string | string[]} from @param {string} message @param {string[]} [except] */
const zone = (target, from, message, except) => ({ target, from, message, ...(except ? { except } : {}) });

const layerZones = [
  zone('./schema', ['./src', './gateways', './db'],
    'schema/ holds the SDL and the one module that reads it; it imports nothing of the project, so every layer may use it.'),
  zone('./src/codes', ['./src/credit', './src/calendar', './src/governance', './src/hub', './src/workflows', './gateways', './db'],
    'src/codes holds pure identifier functions and imports nothing else of the project.'),
  zone(CALENDAR, ['./src/governance', './src/hub', './src/workflows', './gateways', './db'],
    'The working calendar is a leaf: it may import src/codes only.'),
  zone(CALENDAR, './src/credit', 'The working calendar is a leaf: it may import src/codes only.'),
  zone(CREDIT_CORE, ['./src/governance', './src/hub', './src/workflows', './gateways', './db'],
    'src/credit sits below the workflows, governance and the hub: it may import src/codes and src/calendar only.'),
  zone(WORKFLOWS, ['./src/governance', './src/hub', './gateways'],
    'A workflow builds on src/credit (through its index.ts); governance, gateways and the hub sit above or beside it.'),
  zone('./src/workflows', './src/credit', 'A workflow imports src/credit only through src/credit/index.ts.', ['./index.ts']),
  zone('./src/governance', ['./src/hub', './src/credit', './src/workflows'],
    'src/governance sits below the hub and beside src/credit: it may import gateways, src/codes and db.'),
  zone('./gateways', ['./src/credit', './src/workflows', './src/governance', './src/hub'],
    'A gateway may import gateways/shared, src/codes and src/calendar only; governance and the hub sit above it.'),
  zone('./gateways', './db',
    'A gateway imports nothing of db except the sample world its sandbox serves (db/seed SampleData, generateSampleData, sampleDataPlans).',
    ['./seed/SampleData.ts', './seed/generateSampleData.ts', './seed/sampleDataPlans.ts']),
  ...['bidding', 'construction-approval', 'gov-service'].map((platform) => zone(`./gateways/${platform}`,
    ['./gateways/bidding', './gateways/construction-approval', './gateways/gov-service'].filter((other) => !other.endsWith(`/${platform}`)),
    'A platform adapter never imports another; shared code lives in gateways/shared.')),
  zone('./db', ['./src/calendar', './src/governance', './src/hub', './src/workflows', './gateways'],
    'db depends on nothing above it: only src/codes and, for seeding, src/credit/index.ts.'),
  zone('./db', './src/credit', 'db seeds through src/credit/index.ts, never its internals.', ['./index.ts']),
  // The hub composes the parts through their index.ts.
  ...[['./src/credit', 'src/credit'], ['./src/governance', 'src/governance'], ['./src/codes', 'src/codes'], ['./gateways/shared', 'gateways/shared'],
    ['./gateways/bidding', 'gateways/bidding'], ['./gateways/construction-approval', 'gateways/construction-approval'],
    ['./gateways/gov-service', 'gateways/gov-service']]
    .map(([from, name]) => zone('./src/hub', from, `The hub imports ${name} only through its index.ts.`, ['./index.ts'])),
  zone('./src/hub', './src/workflows/**', 'The hub imports a workflow only through its index.ts.',
    ['**/src/workflows/index.ts', '**/src/workflows/*/index.ts']),
];

/** Only composition roots open the database (the logic takes a knex); the governance CLI runner is one. */
const databaseZones = [
  zone([...WORKFLOWS, ...CREDIT_CORE, ...CALENDAR, './src/governance/*.ts', './src/governance/!(cli)/**'], './db',
    'Only the hub and the entry files of package.json scripts open the database; pass the knex in.'),
];

const restrictedPaths = (zones) => ['error', { basePath: root, zones }];

/**
 * One error vocabulary (src/codes/errorCodes.ts): an error code is written through its constructors
 * (codedError, badUserInput, forbidden, notFound, conflict, …) or a constant typed ErrorCode, never as a bare
 * string, so a misspelt code is a type error rather than an INTERNAL_SERVER_ERROR at run time.
 */
const errorVocabulary = ['error',
  {
    selector: "NewExpression[callee.name='GraphQLError'] > ObjectExpression > Property[key.name='extensions'] > ObjectExpression > Property[key.name='code']",
    message: 'Build coded errors with the constructors of src/codes/errorCodes.ts (codedError, badUserInput, forbidden, notFound, conflict, …).',
  },
  {
    selector: "Property[key.name='extensions'] > ObjectExpression > Property[key.name='code'] > Literal",
    message: 'An error code is an ErrorCode: use a constructor of src/codes/errorCodes.ts, or write the code with `satisfies ErrorCode`.',
  },
];

export default defineConfig(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'scratch/', '.pglite/', 'test/__generated__/'] },
  {
    files: ['**/*.ts', '**/*.js'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2023, sourceType: 'module' },
    plugins: { '@typescript-eslint': tseslint.plugin, 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${root}/tsconfig.json` })] },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/**/*.ts', 'db/**/*.ts', 'gateways/**/*.ts', 'schema/**/*.ts'],
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': restrictedPaths([...layerZones, ...databaseZones]),
      'no-restricted-syntax': errorVocabulary,
    },
  },
  { files: ['src/codes/errorCodes.ts'], rules: { 'no-restricted-syntax': 'off' } },
  { files: entryFiles, rules: { 'import-x/no-restricted-paths': restrictedPaths(layerZones) } },
);
