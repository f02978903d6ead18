import { makeExecutableSchema } from '@graphql-tools/schema';
import { readSchemaFile } from '../../../schema/readSchemaFile.js';
import { KnexCalendarSource } from '../../calendar/index.js';
import type { Workflow, WorkflowDeps } from '../WorkflowDeps.js';
import { createGovernmentIntegrityResolvers } from './createGovernmentIntegrityResolvers.js';
import { KnexGovernmentIntegrityStore } from './KnexGovernmentIntegrityStore.js';


/**
 * Government integrity (政务诚信, issue 5 items 5–7): commitments government bodies owe enterprises with
 * overdue detection, enforcement cases against government bodies with superior notification, interviews
 * and the monthly zero-growth indicator of new judgment-defaulter listings, and public complaints. Extends
 * GovernmentBody and PublicInstitution (as payers of SMEs) by USCC.
 */
export function createGovernmentIntegrityWorkflow(deps: WorkflowDeps): Workflow {
  const schema = makeExecutableSchema({
    typeDefs: [readSchemaFile('governance.graphql'), readSchemaFile('government-integrity.graphql')],
    resolvers: createGovernmentIntegrityResolvers(KnexGovernmentIntegrityStore.create(deps.knex), deps.today, KnexCalendarSource.create(deps.knex)),
  });
  const subschema = {
    schema,
    merge: {
      GovernmentBody: {
        selectionSet: '{ uscc }',
        fieldName: '_integrityGovernmentBodiesByUscc',
        key: ({ uscc }: { uscc: string }) => uscc,
        argsFromKeys: (usccs: readonly string[]) => ({ usccs }),
      },
      // Public institutions owe SME payments too (保障中小企业款项支付条例 art. 2).
      PublicInstitution: {
        selectionSet: '{ uscc }',
        fieldName: '_integrityPublicInstitutionsByUscc',
        key: ({ uscc }: { uscc: string }) => uscc,
        argsFromKeys: (usccs: readonly string[]) => ({ usccs }),
      },
    },
  };
  return { subschemas: [subschema], routes: [] };
}
