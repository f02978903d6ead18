import { execute, parse, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { defaultPlatformSettings, type Gateway, type RunningSandbox } from '../../gateways/shared/index.js';
import { createCreditSubschema, KnexCreditStore } from '../../src/credit/index.js';
import { composeHubSchema } from '../../src/hub/composeHubSchema.js';
import { createSeededKnex } from './createTestStore.js';
import { TEST_DATABASES } from './databases.js';

/** One adapter stitched with the real credit store (embedded database, small sample data), as the hub composes it. */
export interface ComposedWithGateway {
  schema: GraphQLSchema;
  sandbox: RunningSandbox;
  /** Runs a document with a fresh context (as one request) and returns plain JSON. */
  run(query: string): Promise<ExecutionResult>;
  close(): Promise<void>;
}

/** Seeds a database, starts the gateway's sandbox and composes its adapter with the credit subschema. */
export async function composeWithGateway(gateway: Gateway): Promise<ComposedWithGateway> {
  const seeded = await createSeededKnex(TEST_DATABASES[0]!);
  const sandbox = await gateway.startSandbox({ size: 'small', token: 'hub-test-token' });
  const adapter = gateway.createSubschema(defaultPlatformSettings(gateway.platform, sandbox.url, sandbox.token));
  const schema = composeHubSchema({
    credit: await createCreditSubschema(KnexCreditStore.create(seeded.knex)),
    adapters: [{ ...adapter, subjectLinks: gateway.subjectLinks }],
  });
  return {
    schema,
    sandbox,
    run: async (query) => JSON.parse(JSON.stringify(await execute({ schema, document: parse(query), contextValue: {} }))) as ExecutionResult,
    async close() {
      adapter.close();
      await sandbox.stop();
      await seeded.close();
    },
  };
}
