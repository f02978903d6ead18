import type { SubschemaConfig } from '@graphql-tools/delegate';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { type GraphQLError } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { Knex } from 'knex';
import { UsccScalar } from '../codes/index.js';
import type { AuditLedger } from './AuditLedger.js';
import { governanceOf } from './runtime/RequestGovernance.js';
import { verifyLedger } from './verifyLedger.js';
import { badUserInput, forbidden } from '../codes/index.js';
import { readSchemaFile } from '../../schema/readSchemaFile.js';


/** What the audit subschema reads. */
export interface AuditSubschemaDeps {
  knex: Knex;
  ledger: AuditLedger;
  retentionYears: number;
}

function refuse(message: string): GraphQLError {
  return forbidden(message);
}

/**
 * The audit subschema (schema/audit.graphql): `accessLog(uscc:)` — who read a subject's data, for an
 * enterprise acting as itself or for administrators and auditors — and `auditLedgerVerification`, the
 * hash-chain check for administrators and auditors. Permission comes from the request's governance state;
 * the share levels in the SDL are enforced by the hub like every other field's.
 */
export function createAuditSubschema(deps: AuditSubschemaDeps): SubschemaConfig {
  const schema = makeExecutableSchema({
    typeDefs: [readSchemaFile('governance.graphql'), readSchemaFile('audit.graphql')],
    resolvers: {
      DateTime: DateTimeResolver,
      USCC: UsccScalar,
      Query: {
        async accessLog(_root: unknown, args: { uscc: string; first: number; before?: number | null }, context: unknown) {
          const governance = governanceOf(context);
          const own = governance.caller.consumer?.subjects ?? [];
          if (!governance.permissions.readsAuditLedger && !own.includes(args.uscc)) {
            throw refuse(`Access to Query.accessLog refused: only the subject itself (calling with its own key) or administrators and auditors may read the access log of ${args.uscc}`);
          }
          if (!Number.isInteger(args.first) || args.first < 1 || args.first > 500) {
            throw badUserInput(`Argument "first": must be from 1 to 500, got ${args.first}`, { argumentName: 'first' });
          }
          const page = await deps.ledger.listAccessesToSubject(args.uscc, { limit: args.first, ...(args.before ? { before: args.before } : {}) });
          return { entries: page.entries, nextBefore: page.nextBefore };
        },
        async auditLedgerVerification(_root: unknown, _args: unknown, context: unknown) {
          if (!governanceOf(context).permissions.readsAuditLedger) {
            throw refuse('Access to Query.auditLedgerVerification refused: only administrators and auditors may verify the ledger');
          }
          const result = await verifyLedger(deps.knex);
          return result.ok
            ? { ok: true, entries: result.entries, brokenAtSeq: null, reason: null, headHash: result.headHash, retentionYears: deps.retentionYears, verifiedAt: new Date() }
            : { ok: false, entries: result.seq - 1, brokenAtSeq: result.seq, reason: result.reason, headHash: null, retentionYears: deps.retentionYears, verifiedAt: new Date() };
        },
      },
    },
  });
  return { schema };
}
