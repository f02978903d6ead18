import type { IResolvers } from '@graphql-tools/utils';
import { DateTimeResolver } from 'graphql-scalars';
import { UsccScalar } from '../../src/codes/index.js';
import type { Award, Bid, Participant, ParticipantPart, Tender, TenderAward, TenderBid } from './client.js';
import type { BiddingLoaders } from './loaders.js';
import { DateScalar, DecimalScalar } from './scalars.js';

/** Resolves `provenance` of a record the platform identifies by `recordId`, fetched at `fetchedAt`. */
function provenanceBy<T extends { fetchedAt: Date }>(recordId: (record: T) => string) {
  return { provenance: (record: T) => ({ platform: 'BIDDING', recordId: recordId(record), fetchedAt: record.fetchedAt }) };
}

/**
 * Resolvers of the bidding subschema. The merge entry points only return `{ uscc }` stubs; each field
 * of a stub (bids, awards, tenders) loads through the request's loaders, so the fields of every
 * subject at one level share one platform call and a platform failure becomes that field's error.
 */
export function createBiddingResolvers(loaders: (context: unknown) => BiddingLoaders): IResolvers {
  const part = (name: ParticipantPart) => async (parent: { uscc: string }, _args: unknown, context: unknown) => {
    const participant: Participant = await loaders(context).participantPart.load({ uscc: parent.uscc, part: name });
    return participant[name] ?? [];
  };
  const stubs = (_parent: unknown, args: { usccs: string[] }) => args.usccs.map((uscc) => ({ uscc }));
  return {
    USCC: UsccScalar,
    Date: DateScalar,
    DateTime: DateTimeResolver,
    Decimal: DecimalScalar,
    Query: {
      tender: (_parent: unknown, args: { code: string }, context: unknown) => loaders(context).tender.load(args.code.trim().toUpperCase()),
      _biddingEnterprisesByUscc: stubs,
      _biddingGovernmentBodiesByUscc: stubs,
    },
    Enterprise: { bids: part('bids'), awards: part('awards'), tenders: part('tenders') },
    GovernmentBody: { tenders: part('tenders') },
    Tender: provenanceBy((t: Tender) => t.code),
    TenderBid: provenanceBy((b: TenderBid) => b.id),
    TenderAward: provenanceBy((a: TenderAward) => a.id),
    Bid: provenanceBy((b: Bid) => b.id),
    Award: provenanceBy((a: Award) => a.id),
  };
}
