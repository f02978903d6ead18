import { makeExecutableSchema } from '@graphql-tools/schema';
import { readSchemaFile } from '../../../schema/readSchemaFile.js';
import type { Workflow, WorkflowDeps } from '../WorkflowDeps.js';
import { createCreditCheckResolvers } from './createCreditCheckResolvers.js';
import { createJwksRoute } from './createJwksRoute.js';
import { KnexCreditCheckStore } from './KnexCreditCheckStore.js';
import { CHECK_RULES } from './rules/checkRules.js';
import { FEEDBACK_USAGE_RULES } from './rules/feedbackUsageRules.js';
import { createCheckSigner } from '../signing/index.js';

/**
 * The credit-checks workflow (issues 5 item 4, 14): root fields runCreditCheck, recordCheckFeedback, creditCheck,
 * creditChecks and checkCases (schema/credit-checks.graphql), and the route GET /.well-known/credit-check-keys.
 * Signs with `deps.checkSigningKeyPem`, or a key made once per process when null; reads tenders from
 * `deps.tenderSource`. Sends nothing to the database until used.
 */
export function createCreditCheckWorkflow(deps: WorkflowDeps): Workflow {
  const store = KnexCreditCheckStore.create(deps.knex);
  const signer = createCheckSigner(deps.checkSigningKeyPem);
  const resolvers = createCreditCheckResolvers({
    store, signer, rules: CHECK_RULES, feedbackRules: FEEDBACK_USAGE_RULES, now: () => new Date(),
    ...(deps.tenderSource ? { tenders: deps.tenderSource } : {}),
  });
  const schema = makeExecutableSchema({ typeDefs: [readSchemaFile('governance.graphql'), readSchemaFile('credit-checks.graphql')], resolvers });
  return { subschemas: [{ schema }], routes: [createJwksRoute(store, signer.publicKey)] };
}
