import { makeExecutableSchema } from '@graphql-tools/schema';
import { KnexCalendarSource } from '../../calendar/index.js';
import { readSchemaFile } from '../../../schema/readSchemaFile.js';
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
    resolvers: createGovernmentIntegrityResolvers(KnexGovernmentIntegrityStore.create(deps.knex), KnexCalendarSource.create(deps.knex), deps.today),
  });
  const subschema = {
    schema,
    merge: {
      // Promises owed to an enterprise (Enterprise.commitmentsOwed), by counterparty.
      Enterprise: {
        selectionSet: '{ uscc }',
        fieldName: '_integrityEnterprisesByUscc',
        key: ({ uscc }: { uscc: string }) => uscc,
        argsFromKeys: (usccs: readonly string[]) => ({ usccs }),
      },
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
  // The owing body and the counterparty as the credit store knows them (names, credit records), linked by the hub.
  const subjectLinks = [
    { typeName: 'GovernmentCommitment', fieldName: 'body', usccField: 'bodyUscc', description: 'The body that owes the promise (承诺主体): a government body, or for a payment to an SME a public institution, as the credit store knows it, with its name and credit records.' },
    { typeName: 'GovernmentCommitment', fieldName: 'counterparty', usccField: 'counterpartyUscc', description: 'The enterprise the promise is owed to (承诺对象) as the credit store knows it, with its name and credit records; null for a promise to the public.' },
  ];
  return { subschemas: [subschema], routes: [], subjectLinks };
}
