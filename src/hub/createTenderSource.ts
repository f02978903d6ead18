import type { SubschemaConfig } from '@graphql-tools/delegate';
import { execute, parse, type GraphQLError } from 'graphql';
import { codedError, isErrorCode } from '../codes/index.js';
import type { SourceTender, TenderSource } from '../workflows/index.js';

// The parties a check needs, in the adapter's graph vocabulary (schema/bidding.graphql).
const TENDER = parse(`query ReadTender($code: String!) {
  tender(code: $code) {
    code name projectCode projectName status tendererUscc tendererName agentUscc agentName
    bids { bidderUscc bidderName consortium consortiumMembers { memberUscc memberName leader } }
  }
}`);

interface TenderAnswer {
  code: string; name: string; projectCode: string; projectName: string; status: string;
  tendererUscc: string; tendererName: string; agentUscc: string | null; agentName: string | null;
  bids: { bidderUscc: string; bidderName: string; consortium: boolean; consortiumMembers: { memberUscc: string; memberName: string; leader: boolean }[] }[];
}

const toSourceTender = (t: TenderAnswer): SourceTender => ({
  code: t.code, name: t.name, projectCode: t.projectCode, projectName: t.projectName, status: t.status,
  tenderer: { uscc: t.tendererUscc, name: t.tendererName },
  agent: t.agentUscc ? { uscc: t.agentUscc, name: t.agentName ?? t.agentUscc } : null,
  bids: t.bids.map((b) => ({
    bidder: { uscc: b.bidderUscc, name: b.bidderName },
    consortium: b.consortium,
    members: b.consortiumMembers.map((m) => ({ uscc: m.memberUscc, name: m.memberName, leader: m.leader })),
  })),
});

/** The platform's error as the check reports it: its SOURCE_* code, platform and cause; anything else is SOURCE_BAD_RESPONSE. */
function asSourceError(error: GraphQLError) {
  const code = error.extensions.code;
  const sourceCode = isErrorCode(code) && code.startsWith('SOURCE_') ? code : 'SOURCE_BAD_RESPONSE';
  return codedError(sourceCode, `the bidding platform could not answer for the tender, so nothing was checked or stored: ${error.message}`, {
    platform: 'BIDDING', cause: error.extensions.cause ?? error.message,
  });
}

/**
 * The credit-checks workflow's TenderSource over the bidding adapter: `readTender` runs `tender(code:)` on the
 * adapter's own subschema — the same client, circuit breaker and error mapping as the graph's `tender` field,
 * through nothing but what `gateways/bidding/index.ts` exports. Resolves null for an unknown code; rejects
 * with the platform's SOURCE_* error (extensions `platform`, `cause`) when it cannot answer.
 */
export function createTenderSource(bidding: SubschemaConfig): TenderSource {
  return {
    async readTender(code) {
      // A fresh context object per read: the adapter keys its per-request loaders on it.
      const answer = await execute({ schema: bidding.schema, document: TENDER, variableValues: { code }, contextValue: {} });
      const failure = answer.errors?.[0];
      if (failure) throw asSourceError(failure);
      const tender = (answer.data as { tender: TenderAnswer | null } | null)?.tender ?? null;
      return tender && toSourceTender(tender);
    },
  };
}
