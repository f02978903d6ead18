import { randomBytes, randomUUID } from 'node:crypto';
import { DateTimeResolver } from 'graphql-scalars';
import { badUserInput, conflict, forbidden, notFound, UsccScalar } from '../../codes/index.js';
import { actorOf, DateScalar, DecimalScalar, type CreditActor } from '../../credit/index.js';
import type { WatchFeed } from './createWatchFeed.js';
import type { WatchlistEventRow, WatchlistRow, WatchlistStore } from './WatchlistStore.js';

const MAX_SUBJECTS = 1000;
const MAX_WATCHLISTS = 100;
const MAX_PAGE = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A watchlist event as the graph shows it (WatchlistEvent). */
export function toEventObject(e: WatchlistEventRow): Record<string, unknown> {
  return {
    cursor: String(e.sequence), sequence: e.sequence, watchlistId: e.watchlistId, kind: e.kind, occurredAt: e.occurredAt,
    subjectUscc: e.subjectUscc, recordId: e.recordId,
    record: e.recordId ? { ...e.data, id: e.recordId, status: e.status, previousStatus: e.previousStatus } : null,
    commitment: e.commitmentId ? { ...e.data, id: e.commitmentId } : null,
  };
}

const toWatchlistObject = (w: WatchlistRow) => ({
  id: w.id, name: w.name, subjects: w.subjects, webhookUrl: w.webhookUrl, createdAt: w.createdAt,
  lastCursor: w.lastSequence > 0 ? String(w.lastSequence) : null,
});

function consumerOf(actor: CreditActor): string {
  if (actor.consumerId) return actor.consumerId;
  throw forbidden('watchlists belong to a consumer: send your API key (Authorization: Bearer <key>)');
}

function parseCursor(after: string | null | undefined, argumentName: string): number | null {
  if (after === null || after === undefined) return null;
  if (!/^\d{1,15}$/.test(after)) throw badUserInput(`${argumentName}: not a watchlist event cursor; pass an event's \`cursor\` or leave it out`, { argumentName });
  return Number(after);
}

function checkUsccCount(usccs: readonly string[], argumentName: string): void {
  if (usccs.length > MAX_SUBJECTS) throw badUserInput(`${argumentName}: at most ${MAX_SUBJECTS} subjects per request and watchlist; split the list`, { argumentName });
}

function checkWebhookUrl(url: string): void {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.username || parsed.password || url.length > 2000) {
    throw badUserInput('input.webhookUrl: an absolute https:// (or http://) URL without credentials, at most 2000 characters', { argumentName: 'input.webhookUrl' });
  }
}

/**
 * The resolvers of schema/watchlists.graphql over the store: every operation acts on the calling consumer's own
 * watchlists (another consumer's is NOT_FOUND, as if it did not exist); the subscription replays from `after`
 * and then follows the feed.
 */
export function createWatchlistResolvers(store: WatchlistStore, feed: WatchFeed) {
  async function ownWatchlist(actor: CreditActor, id: string, argumentName = 'watchlist'): Promise<WatchlistRow> {
    const consumerId = consumerOf(actor);
    const found = UUID.test(id) ? await store.watchlist(id) : null;
    if (!found || found.consumerId !== consumerId) throw notFound(`${argumentName}: no watchlist ${id} of consumer ${consumerId}; list yours with \`watchlists\``, { argumentName });
    return found;
  }

  async function* follow(watchlistId: string, after: number): AsyncGenerator<{ watchlistEvents: Record<string, unknown> }> {
    let cursor = after;
    while (!feed.stopped) {
      const events = await store.eventsAfter(watchlistId, cursor, 100);
      for (const event of events) {
        cursor = event.sequence;
        yield { watchlistEvents: toEventObject(event) };
      }
      // Woken by this process's sequencer at once; the timeout covers events numbered by another process.
      if (events.length < 100) await feed.waitForEvents(watchlistId, 1000);
    }
  }

  return {
    USCC: UsccScalar,
    Date: DateScalar,
    Decimal: DecimalScalar,
    DateTime: DateTimeResolver,
    Query: {
      watchlists: async (_: unknown, __: unknown, context: unknown) =>
        (await store.watchlistsOf(consumerOf(actorOf(context)))).map(toWatchlistObject),
      watchlistEvents: async (_: unknown, args: { watchlist: string; after?: string | null; first?: number | null }, context: unknown) => {
        const first = args.first ?? 50;
        if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badUserInput(`first: 1 to ${MAX_PAGE}`, { argumentName: 'first' });
        const after = parseCursor(args.after, 'after') ?? 0;
        const list = await ownWatchlist(actorOf(context), args.watchlist);
        const events = await store.eventsAfter(list.id, after, first + 1);
        const page = events.slice(0, first);
        return { events: page.map(toEventObject), endCursor: page.length > 0 ? String(page.at(-1)!.sequence) : (args.after ?? null), hasNextPage: events.length > first };
      },
    },
    Mutation: {
      createWatchlist: async (_: unknown, { input }: { input: { name: string; usccs: string[]; webhookUrl?: string | null } }, context: unknown) => {
        const actor = actorOf(context);
        const consumerId = consumerOf(actor);
        const name = input.name.trim();
        if (name.length < 1 || name.length > 100) throw badUserInput('input.name: 1 to 100 characters', { argumentName: 'input.name' });
        checkUsccCount(input.usccs, 'input.usccs');
        if (input.webhookUrl !== null && input.webhookUrl !== undefined) checkWebhookUrl(input.webhookUrl);
        if ((await store.watchlistsOf(consumerId)).length >= MAX_WATCHLISTS) {
          throw badUserInput(`input: consumer ${consumerId} already keeps ${MAX_WATCHLISTS} watchlists; add subjects to one of them instead`, { argumentName: 'input' });
        }
        const secret = input.webhookUrl ? randomBytes(32).toString('hex') : null;
        try {
          const created = await store.createWatchlist({
            id: randomUUID(), consumerId, name, usccs: input.usccs,
            webhook: input.webhookUrl && secret ? { url: input.webhookUrl, secret, purpose: actor.purpose, caseReference: actor.caseReference } : null,
          });
          return { watchlist: toWatchlistObject(created), webhookSecret: secret };
        } catch (error) {
          if ((error as { code?: string }).code === '23505') throw conflict(`input.name: consumer ${consumerId} already has a watchlist named ${name}; choose another name`, { argumentName: 'input.name' });
          throw error;
        }
      },
      addToWatchlist: async (_: unknown, args: { watchlist: string; usccs: string[] }, context: unknown) => {
        checkUsccCount(args.usccs, 'usccs');
        const list = await ownWatchlist(actorOf(context), args.watchlist);
        const total = new Set([...list.subjects, ...args.usccs]).size;
        if (total > MAX_SUBJECTS) throw badUserInput(`usccs: the watchlist would hold ${total} subjects, more than ${MAX_SUBJECTS}; start another watchlist`, { argumentName: 'usccs' });
        await store.addSubjects(list.id, args.usccs);
        return toWatchlistObject((await store.watchlist(list.id))!);
      },
      removeFromWatchlist: async (_: unknown, args: { watchlist: string; usccs: string[] }, context: unknown) => {
        checkUsccCount(args.usccs, 'usccs');
        const list = await ownWatchlist(actorOf(context), args.watchlist);
        await store.removeSubjects(list.id, args.usccs);
        return toWatchlistObject((await store.watchlist(list.id))!);
      },
    },
    Subscription: {
      watchlistEvents: {
        subscribe: async (_: unknown, args: { watchlist: string; after?: string | null }, context: unknown) => {
          const after = parseCursor(args.after, 'after');
          const list = await ownWatchlist(actorOf(context), args.watchlist);
          return follow(list.id, after ?? list.lastSequence);
        },
      },
    },
  };
}
