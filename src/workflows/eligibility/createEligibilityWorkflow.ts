import { makeExecutableSchema } from '@graphql-tools/schema';
import { readSchemaFile } from '../../../schema/readSchemaFile.js';
import { createCheckSigner } from '../signing/index.js';
import type { Workflow, WorkflowDeps } from '../WorkflowDeps.js';
import { createEligibilityResolvers } from './createEligibilityResolvers.js';
import { ELIGIBILITY_RULES } from './eligibilityRules.js';
import { KnexEligibilityStore } from './KnexEligibilityStore.js';

/**
 * Eligibility checks (资格审查, issue 15 item 1): runEligibilityCheck, recordEligibilityFeedback, eligibilityCheck and
 * eligibilityCases (schema/eligibility.graphql). Signed with the credit checks' key (`deps.checkSigningKeyPem`), so the
 * key set at /.well-known/credit-check-keys (served by creditChecks) verifies both. Root fields only.
 */
export function createEligibilityWorkflow(deps: WorkflowDeps): Workflow {
  const resolvers = createEligibilityResolvers({
    store: KnexEligibilityStore.create(deps.knex), signer: createCheckSigner(deps.checkSigningKeyPem), rules: ELIGIBILITY_RULES, vault: deps.vault, now: () => new Date(),
  });
  const schema = makeExecutableSchema({ typeDefs: [readSchemaFile('governance.graphql'), readSchemaFile('eligibility.graphql')], resolvers });
  return { subschemas: [{ schema }], routes: [] };
}
