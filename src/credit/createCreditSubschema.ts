import type { SubschemaConfig } from '@graphql-tools/delegate';
import { buildCreditSchema } from './buildCreditSchema.js';
import { createCompiledExecutor } from './createCompiledExecutor.js';
import type { CreditStore } from './CreditStore.js';

/**
 * The credit records store as a subschema for stitching. `subjects(usccs:)` is the batched entry
 * point other subschemas merge on; adapters add their own merge configs for Enterprise and
 * GovernmentBody keyed by USCC. Queries run as compiled plans (createCompiledExecutor).
 */
export async function createCreditSubschema(store: CreditStore): Promise<SubschemaConfig> {
  const schema = await buildCreditSchema(store);
  return { schema, executor: createCompiledExecutor(schema) };
}
