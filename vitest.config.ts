import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql@16 ships CommonJS (`main`) and ESM (`module`) builds. Node loads the CommonJS one for
    // type-graphql, graphql-tools and Apollo; Vite would give our sources the ESM one, and two copies of
    // graphql break every `instanceof GraphQLScalarType`. Resolve it the way Node does.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.e2e.ts'],
    setupFiles: ['reflect-metadata'],
    // Suites that boot a database are slow to start on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
