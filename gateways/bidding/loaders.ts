import DataLoader from 'dataloader';
import { batchByKey, createLoaderFamily, type CodeWindow, type ListWindow } from '../shared/index.js';
import type { BiddingClient, Participant, ParticipantPart, PartItem, Tender } from './client.js';

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
  /** One window of one part (bids, awards or tenders) of one USCC, with the code's total: one call per window for all parts and USCCs. */
  partWindow(window: ListWindow): DataLoader<ParticipantKey, CodeWindow<PartItem[ParticipantPart]>, string>;
}

/**
 * Creates the loaders of one request. Every key asked in one tick goes out in one platform call:
 * tenders in one `tenders:batchGet`, and all parts of all USCCs (an enterprise's bids and awards, a
 * body's tenders) in one `participants:batchQuery`. Batch functions return one value or the
 * platform's SourceError per key, in key order, and never reject. Windows of parts (`partWindow`) go out in
 * one call per window for all parts and USCCs of the tick.
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
    partWindow: createLoaderFamily(
      (window: ListWindow) => `${window.offset}:${window.limit}`,
      (window) => new DataLoader<ParticipantKey, CodeWindow<PartItem[ParticipantPart]>, string>(
        batchByKey(
          (keys) => client.queryParticipantWindow([...new Set(keys.map((k) => k.uscc))], [...new Set(keys.map((k) => k.part))], window),
          () => ({ total: 0, rows: [] }),
          (k) => `${k.part}:${k.uscc}`,
        ),
        { cacheKeyFn: (k) => `${k.part}:${k.uscc}` },
      ),
    ),
  };
}
