import { batchDelegateToSchema } from '@graphql-tools/batch-delegate';
import { defaultMergedResolver, type Subschema, type SubschemaConfig } from '@graphql-tools/delegate';
import { stitchSchemas } from '@graphql-tools/stitch';
import type { StitchingInfo } from '@graphql-tools/delegate';
import { filterSchema, type IResolvers } from '@graphql-tools/utils';
import { OperationTypeNode, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { GatewaySubschema, SubjectLink } from '../../gateways/shared/index.js';
import { ProjectCodeScalar, UsccScalar } from '../codes/index.js';
import { DateScalar, DecimalScalar } from '../credit/index.js';
import { delegateWholeSubtrees } from './delegateWholeSubtrees.js';
import { relocateDelegatedErrors } from './relocateDelegatedErrors.js';
import { resolvePlainSubtrees } from './resolvePlainSubtrees.js';

/** The parts the hub stitches: the credit store and the platform adapters with their subject links. */
export interface HubSubschemas {
  credit: SubschemaConfig;
  adapters: Array<Pick<GatewaySubschema, 'subschema'> & { subjectLinks: SubjectLink[] }>;
  /** Subschemas of the hub itself, stitched as they are (the governance catalogue, the workflows). */
  extra?: SubschemaConfig[];
  /** Parties the extra subschemas name by USCC (a commitment's body), linked like the adapters' subject links. */
  extraLinks?: SubjectLink[];
  /** Answers every value the way stitching does, without the hub's shortcuts (for comparisons in tests and benchmarks). */
  stitchingOnly?: boolean;
}

/** Merging entry points of the credit store: batched by USCC, one entry per key in key order. */
function withCreditMerging(credit: SubschemaConfig): SubschemaConfig {
  const byUscc = (fieldName: string) => ({
    selectionSet: '{ uscc }',
    fieldName,
    key: ({ uscc }: { uscc: string }) => uscc,
    argsFromKeys: (usccs: readonly string[]) => ({ usccs }),
  });
  // canonical: the credit store owns these types and the shared scalars, so their descriptions in the
  // graph are the store's whichever adapter is stitched last.
  return {
    ...credit,
    merge: {
      Enterprise: { ...byUscc('enterprisesByUscc'), canonical: true },
      GovernmentBody: { ...byUscc('governmentBodiesByUscc'), canonical: true },
      USCC: { canonical: true },
      Date: { canonical: true },
      Decimal: { canonical: true },
    },
  };
}

/**
 * Stitches the credit subschema and the platform adapters into the one graph the hub serves.
 * Adapters extend Enterprise and GovernmentBody by USCC through their batched merge configs; a party
 * an adapter names by USCC (a tenderer, a builder) becomes a `CreditSubject` link resolved in one
 * `subjects(usccs:)` batch per level. Root fields whose name starts with `_` are adapters' merging
 * entry points and are hidden from the graph.
 */
export function composeHubSchema({ credit, adapters, extra = [], extraLinks = [], stitchingOnly = false }: HubSubschemas): GraphQLSchema {
  const creditConfig = withCreditMerging(credit);
  let creditSubschema: Subschema | undefined;
  const links = [...adapters.flatMap((a) => a.subjectLinks), ...extraLinks];
  const typeDefs = links.map((link) => `extend type ${link.typeName} {\n  """\n  ${link.description}\n  """\n  ${link.fieldName}: CreditSubject\n}`);
  const linkResolvers: IResolvers = {};
  for (const link of links) {
    const typeResolvers = (linkResolvers[link.typeName] ??= {}) as Record<string, unknown>;
    typeResolvers[link.fieldName] = {
      selectionSet: `{ ${link.usccField} }`,
      resolve(parent: Record<string, unknown>, _args: unknown, context: Record<string, unknown>, info: GraphQLResolveInfo) {
        const uscc = parent[link.usccField];
        if (typeof uscc !== 'string' || !creditSubschema) return null;
        return batchDelegateToSchema({
          schema: creditSubschema,
          operation: OperationTypeNode.QUERY,
          fieldName: 'subjects',
          key: uscc,
          argsFromKeys: (usccs: readonly string[]) => ({ usccs }),
          context,
          info,
        });
      },
    };
  }
  // Whose personal data a request sees in full is decided per civil servant, by employer (a personnel
  // office sees its own staff: src/governance/personalDataDisclosure.ts); the employer's USCC is fetched
  // with each personal field of CivilServant so that the governance wrapper can judge it. A personal field
  // missing here stays masked for such a caller (fail closed).
  const employerWithPersonalData: IResolvers = {
    CivilServant: Object.fromEntries(['name', 'idNumber', 'idNumberMasked'].map((field) =>
      [field, { selectionSet: '{ employer { uscc } }', resolve: defaultMergedResolver }])),
    // The civil servants of an eligibility check (src/workflows/eligibility) carry their employer's USCC.
    EligibilitySubjectResult: Object.fromEntries(['civilServantName', 'idNumberMasked'].map((field) =>
      [field, { selectionSet: '{ employerUscc }', resolve: defaultMergedResolver }])),
  };
  const stitched = stitchSchemas({
    subschemas: [creditConfig, ...adapters.map((a) => a.subschema), ...extra],
    mergeTypes: true,
    // Keeps @share and @personal on types and fields: the hub classifies the composed graph by them.
    mergeDirectives: true,
    typeDefs,
    // The gateway validates identifiers itself, so a malformed code is refused before any subschema is
    // called and the error names the argument the client wrote (stitching would otherwise pass scalar
    // values through untouched and let the subschema reject its own internal variable).
    resolvers: [{ USCC: UsccScalar, ProjectCode: ProjectCodeScalar, Date: DateScalar, Decimal: DecimalScalar }, linkResolvers, employerWithPersonalData],
    resolverValidationOptions: { requireResolversToMatchSchema: 'ignore' },
  });
  // Delegation must target the Subschema stitching built from our config, or merged fields of the
  // linked subject (its bids, its review summary) would not be fetched.
  const stitchingInfo = stitched.extensions?.stitchingInfo as StitchingInfo | undefined;
  creditSubschema = stitchingInfo?.subschemaMap.get(creditConfig);
  if (links.length > 0 && !creditSubschema) throw new Error('stitching did not register the credit subschema; subject links cannot resolve');
  const configs = [creditConfig, ...adapters.map((a) => a.subschema), ...extra];
  const mergedTypes = new Set(configs.flatMap((config) => Object.keys(config.merge ?? {})));
  const plain = stitchingInfo && !stitchingOnly ? resolvePlainSubtrees(stitched, stitchingInfo) : stitched;
  const relocated = relocateDelegatedErrors(filterSchema({ schema: plain, rootFieldFilter: (_operation, name) => !name.startsWith('_') }), mergedTypes);
  // The credit store's own root fields, when no other subschema serves a root field of the same name.
  const elsewhere = new Set(configs.slice(1).flatMap((config) => Object.keys(config.schema.getQueryType()?.getFields() ?? {})));
  const creditRootFields = new Set(Object.keys(credit.schema.getQueryType()?.getFields() ?? {}).filter((name) => !elsewhere.has(name)));
  const schema = creditSubschema && stitchingInfo && !stitchingOnly
    ? delegateWholeSubtrees(relocated, { subschema: creditSubschema, rootFields: creditRootFields, stitchingInfo, mergeBehind: true })
    : relocated;
  const query = schema.getQueryType();
  if (query) {
    query.description =
      'Chengxin Hub (诚信): one governed graph of Shenzhen public credit information — credit subjects and their records, civil servants, the catalogue, and what the government service platform, the construction-project approval system and the bidding platform know about each subject.';
  }
  return schema;
}
