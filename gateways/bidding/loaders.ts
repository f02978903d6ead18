import DataLoader from 'dataloader';
import { batchByKey } from '../shared/index.js';
import type { BiddingClient, Participant, ParticipantPart, Tender } from './client.js';

/** A request for one part of what the platform knows about one USCC. */
export interface ParticipantKey {
  uscc: string;
  part: ParticipantPart;
}

/** The per-request loaders of the bidding adapter. */
export interface BiddingLoaders {
  /** Tender by bid section code; null when the platform does not know it. */
  tender: DataLoader<string, Tender | null>;
  /** One part (bids, awards or tenders) of one USCC. */
  participantPart: DataLoader<ParticipantKey, Participant>;
}

/**
 * Creates the loaders of one request. Every key asked in one tick goes out in one platform call:
 * tenders in one `tenders:batchGet`, and all parts of all USCCs (an enterprise's bids and awards, a
 * body's tenders) in one `participants:batchQuery`. Batch functions return one value or the
 * platform's SourceError per key, in key order, and never reject.
 */
export function createBiddingLoaders(client: BiddingClient): BiddingLoaders {
  return {
    tender: new DataLoader(batchByKey<string, Tender | null>((codes) => client.getTenders(codes), () => null)),
    participantPart: new DataLoader<ParticipantKey, Participant, string>(
      batchByKey(
        (keys) => client.queryParticipants(keys.map((k) => k.uscc), [...new Set(keys.map((k) => k.part))]),
        (k) => ({ uscc: k.uscc }),
        (k) => k.uscc,
      ),
      { cacheKeyFn: (k) => `${k.part}:${k.uscc}` },
    ),
  };
}
