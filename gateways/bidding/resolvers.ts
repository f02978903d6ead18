import type { IResolvers } from '@graphql-tools/utils';
import { readOffsetArgs, toOffsetConnection } from '../shared/index.js';
import type { Award, Bid, Participant, ParticipantPart, Tender, TenderAward, TenderBid } from './client.js';
import type { BiddingLoaders } from './loaders.js';

/** Resolves `provenance` of a record the platform identifies by `recordId`, fetched at `fetchedAt`. */
function provenanceBy<T extends { fetchedAt: Date }>(recordId: (record: T) => string) {
  return { provenance: (record: T) => ({ platform: 'BIDDING', recordId: recordId(record), fetchedAt: record.fetchedAt }) };
}

/**
 * Field resolvers of the bidding subschema; the scalars and the `{ uscc }` stub root fields come from
 * `defineGateway`. Each field of a stub (bids, awards, tenders) loads through the request's loaders, so the fields of every
 * subject at one level share one platform call and a platform failure becomes that field's error.
 */
export function createBiddingResolvers(loaders: (context: unknown) => BiddingLoaders): IResolvers {
  const part = (name: ParticipantPart) => async (parent: { uscc: string }, _args: unknown, context: unknown) => {
    const participant: Participant = await loaders(context).participantPart.load({ uscc: parent.uscc, part: name });
    return participant[name] ?? [];
  };
  // A Relay connection over one window of a part, in the platform's order (newest first).
  const pagedPart = (name: ParticipantPart) => async (parent: { uscc: string }, args: { first: number; after?: string | null }, context: unknown) => {
    const window = readOffsetArgs(name, args);
    const found = await loaders(context).partWindow(window).load({ uscc: parent.uscc, part: name });
    return toOffsetConnection(name, window, found.rows, found.total);
  };
  return {
    Query: {
      tender: (_parent: unknown, args: { code: string }, context: unknown) => loaders(context).tender.load(args.code.trim().toUpperCase()),
    },
    Enterprise: { bids: pagedPart('bids'), awards: pagedPart('awards'), tenders: part('tenders') },
    GovernmentBody: { tenders: pagedPart('tenders') },
    Tender: provenanceBy((t: Tender) => t.code),
    TenderBid: provenanceBy((b: TenderBid) => b.id),
    TenderAward: provenanceBy((a: TenderAward) => a.id),
    Bid: provenanceBy((b: Bid) => b.id),
    Award: provenanceBy((a: Award) => a.id),
  };
}
