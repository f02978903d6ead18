import type { GraphQLError } from 'graphql';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { badUserInput, forbidden as codedForbidden, UsccScalar, ROLE } from '../../codes/index.js';
import { actorOf, assertActorRole, todayInShanghai } from '../../credit/index.js';
import { IngestionInputError, ingestRecords, type IngestionReport, type RowStatus } from './ingestRecords.js';
import type { AuthorityRegistration, IngestionStore } from './IngestionStore.js';
import { readBatchRows } from './readBatchRows.js';

interface IngestArgs {
  input: { format: 'JSON' | 'CSV'; rows?: unknown[] | null; csv?: string | null; sourceUnit: string };
}

interface IssueArgs {
  status?: string | null;
  sourceUnit?: string | null;
  batchId?: string | null;
  first?: number | null;
  after?: string | null;
}

/** Row reports one answer lists at most, and by default (the counts always cover every row). */
const MAX_LISTED_ROWS = 1000;
const MAX_LISTED_ROWS_DEFAULT = 100;

const forbidden = (message: string): GraphQLError => codedForbidden(message);

const badInput = (message: string, argumentName: string): GraphQLError => badUserInput(message, { argumentName });

/**
 * Resolvers of schema/ingestion.graphql. `ingestRecords`: SOURCE_UNIT consumers for a source unit they act
 * as (their subjects) with purpose RECORD_REPORTING, or the credit office for any source unit.
 * `dataQualityIssues`, `sourceUnitAuthorities`: the credit office and auditors. `registerSourceUnitAuthority`,
 * `unregisterSourceUnitAuthority`: the credit office. The hub has already checked share levels and grants.
 */
export function createIngestionResolvers(store: IngestionStore, today: () => string = todayInShanghai) {
  return {
    DateTime: DateTimeResolver,
    USCC: UsccScalar,
    JSON: JSONResolver,
    Query: {
      async dataQualityIssues(_root: unknown, args: IssueArgs, context: unknown) {
        assertActorRole(actorOf(context), [ROLE.CREDIT_OFFICE_ADMIN, ROLE.AUDITOR], 'Reading the data-quality queue');
        const first = args.first ?? 100;
        if (!Number.isInteger(first) || first < 1 || first > 500) throw badInput(`Argument "first": must be from 1 to 500, got ${first}`, 'first');
        if (args.after != null && !/^\d+$/.test(args.after)) throw badInput(`Argument "after": must be the id of an issue, got "${args.after}"`, 'after');
        if (args.batchId != null && !/^\d+$/.test(args.batchId)) throw badInput(`Argument "batchId": must be a batch id, got "${args.batchId}"`, 'batchId');
        return store.listIssues({ status: args.status ?? null, sourceUnitUscc: args.sourceUnit ?? null, batchId: args.batchId ?? null, first, after: args.after ?? null });
      },
      async sourceUnitAuthorities(_root: unknown, args: { sourceUnit?: string | null }, context: unknown) {
        assertActorRole(actorOf(context), [ROLE.CREDIT_OFFICE_ADMIN, ROLE.AUDITOR], 'Reading source-unit registrations');
        return store.listAuthorityRegistrations(args.sourceUnit ?? null);
      },
    },
    Mutation: {
      async registerSourceUnitAuthority(_root: unknown, args: { sourceUnit: string; authority: string }, context: unknown) {
        const actor = actorOf(context);
        assertActorRole(actor, [ROLE.CREDIT_OFFICE_ADMIN], 'Registering a source unit for an authority');
        const registration = await store.registerAuthority(args.sourceUnit, args.authority, actor.consumerId ?? 'credit office');
        if (!registration) {
          const [unknown] = await store.unknownOrganisations([args.sourceUnit, args.authority]);
          const argumentName = unknown === args.sourceUnit ? 'sourceUnit' : 'authority';
          throw badInput(`Argument "${argumentName}": no organisation has the USCC ${unknown ?? args[argumentName]}; register the organisation first`, argumentName);
        }
        return registration;
      },
      async unregisterSourceUnitAuthority(_root: unknown, args: { sourceUnit: string; authority: string }, context: unknown) {
        assertActorRole(actorOf(context), [ROLE.CREDIT_OFFICE_ADMIN], 'Withdrawing a source unit\'s registration for an authority');
        return store.unregisterAuthority(args.sourceUnit, args.authority);
      },
      async ingestRecords(_root: unknown, { input }: IngestArgs, context: unknown) {
        const actor = actorOf(context);
        assertActorRole(actor, [ROLE.SOURCE_UNIT, ROLE.CREDIT_OFFICE_ADMIN], 'Ingesting records (归集)');
        if (!actor.roles.includes(ROLE.CREDIT_OFFICE_ADMIN)) {
          if (actor.purpose !== 'RECORD_REPORTING') {
            throw forbidden(`Ingesting records needs the purpose RECORD_REPORTING; consumer ${actor.consumerId} declared ${actor.purpose ?? 'none'}`);
          }
          if (!actor.subjects.includes(input.sourceUnit)) {
            throw forbidden(`consumer ${actor.consumerId} reports for ${actor.subjects.join(', ') || 'no department'} and may not report as source unit ${input.sourceUnit}`);
          }
        }
        try {
          const rows = readBatchRows(input.format, input.rows, input.csv);
          const report = await ingestRecords(store, { sourceUnitUscc: input.sourceUnit, format: input.format, rows, consumerId: actor.consumerId, channel: 'GRAPHQL', today: today() });
          return { ...report, sourceUnit: report.sourceUnitUscc };
        } catch (error) {
          if (error instanceof IngestionInputError) throw badInput(error.message, error.argument);
          throw error;
        }
      },
    },
    DataQualityIssue: {
      sourceUnit: (issue: { sourceUnitUscc: string }) => issue.sourceUnitUscc,
    },
    IngestionReport: {
      rows(report: IngestionReport, args: { status?: RowStatus | null; first?: number | null }) {
        const first = args.first ?? MAX_LISTED_ROWS_DEFAULT;
        if (!Number.isInteger(first) || first < 1 || first > MAX_LISTED_ROWS) throw badInput(`Argument "first": must be from 1 to ${MAX_LISTED_ROWS}, got ${first}`, 'first');
        const listed = [];
        for (const row of report.rows) {
          if (listed.length === first) break;
          if (!args.status || row.status === args.status) listed.push(row);
        }
        return listed;
      },
      errorCounts(report: IngestionReport) {
        const byField = new Map<string, number>();
        for (const row of report.rows) {
          for (const field of new Set(row.errors.map((e) => e.field))) byField.set(field, (byField.get(field) ?? 0) + 1);
        }
        return [...byField].map(([field, rows]) => ({ field, rows })).sort((a, b) => b.rows - a.rows || a.field.localeCompare(b.field));
      },
    },
    SourceUnitAuthority: {
      sourceUnit: (registration: AuthorityRegistration) => registration.sourceUnitUscc,
      authority: (registration: AuthorityRegistration) => registration.authorityUscc,
    },
  };
}
