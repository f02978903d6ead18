import { createServer } from 'node:http';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import pg from 'pg';

// PostGraphile v4 needs graphql 15; npm installs two copies of it (under postgraphile and under
// graphile-build-pg) beside the hub's graphql 16, and a schema built from one copy fails the `instanceof`
// checks of another ("Unexpected input type"). Every PostGraphile package is made to load postgraphile's copy.
const fromPostGraphile = createRequire(createRequire(import.meta.url).resolve('postgraphile'));
const packageDir = (name: string) => dirname(fromPostGraphile.resolve(`${name}/package.json`));
const shared = new Map(['graphql', 'graphile-build'].map((name) => [name, packageDir(name)]));
const moduleInternals = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const resolveFilename = moduleInternals._resolveFilename;
moduleInternals._resolveFilename = (request, ...rest) => {
  const [, name = '', subpath = ''] = /^(graphql|graphile-build)(\/.*)?$/.exec(request) ?? [];
  return resolveFilename(shared.has(name) ? `${shared.get(name)}${subpath}` : request, ...rest);
};
const { postgraphile } = await import('postgraphile');
const { default: ConnectionFilterPlugin } = await import('postgraphile-plugin-connection-filter');

// The peer of `npm run bench:peers`: PostGraphile v4 with the connection-filter plugin over the hub's
// database (schema public, as a user would point it at the credit tables), on PORT, in a process of its
// own like the hub. Its pool has the size of the hub's (DB_POOL_MAX, default 10) so neither has more
// connections to PostgreSQL. Prints "ready" once it listens.
const url = process.env.DATABASE_URL;
if (!url) throw new Error('set DATABASE_URL to the database PostGraphile serves');
const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DB_POOL_MAX ?? 10) });
const middleware = postgraphile(pool, 'public', {
  appendPlugins: [ConnectionFilterPlugin],
  graphqlRoute: '/graphql',
  // What PostGraphile's documentation recommends for production: no per-query log line, no GraphiQL.
  disableQueryLog: true,
  graphiql: false,
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  retryOnInitFail: false,
});
createServer(middleware).listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log('ready'));
