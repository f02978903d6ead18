import { execute, parse, type GraphQLSchema } from 'graphql';
import type { Knex } from 'knex';
import { auditEntryFor, checkFieldAccess, type AuditLedger, type ConsumerStore } from '../governance/index.js';
import type { ClaimedDelivery, RenderWebhookEvent } from '../workflows/index.js';
import { createHubContext, type HubContext } from './createHubContext.js';

const OPEN_FIELDS = 'cursor sequence watchlistId kind occurredAt subjectUscc recordId';
const CONDITIONAL_FIELDS = `record { id kind documentNumber decisionDate severity authorityUscc catalogItemCode status previousStatus publicityEnd }
  commitment { id kind title bodyUscc counterpartyUscc amount dueOn }`;
const textWith = (fields: string) => (`query WebhookDelivery($watchlist: ID!, $after: String) {
  watchlistEvents(watchlist: $watchlist, after: $after, first: 1) { events { ${fields} } }
}`);
/** The operations a delivery runs: with the conditional parts when the owner's grant covers them, else without. */
const FULL_SOURCE = textWith(`${OPEN_FIELDS} ${CONDITIONAL_FIELDS}`);
const OPEN_SOURCE = textWith(OPEN_FIELDS);
const FULL = parse(FULL_SOURCE);
const OPEN = parse(OPEN_SOURCE);

/** What rendering needs from the hub. */
export interface WebhookRendererDeps {
  knex: Knex;
  consumers: ConsumerStore;
  ledger: AuditLedger;
  schemaFor: (context: HubContext) => GraphQLSchema;
}

/**
 * Renders a webhook delivery as its watchlist's owner may read the event, through the governed graph: the
 * consumer as it is now (a revoked consumer gets nothing), the purpose and case reference declared when the
 * webhook was set, share levels and masking per field. The conditional parts (`record`, `commitment`) are only
 * asked for when the owner's grants cover them for that purpose, so a delivery never carries a refusal. A
 * delivery with conditional data gets its audit ledger entry before it is sent; when the ledger cannot be
 * written rendering fails and the delivery is retried later.
 */
export function createWebhookRenderer(deps: WebhookRendererDeps): RenderWebhookEvent {
  return async (delivery: ClaimedDelivery) => {
    const consumer = await deps.consumers.findActiveConsumer(delivery.consumerId);
    if (!consumer) throw new Error(`consumer ${delivery.consumerId} is revoked or gone; nothing is delivered for it`);
    const caller = { consumer, purpose: delivery.webhook.purpose, caseReference: delivery.webhook.caseReference };
    const context = await createHubContext(deps.knex, caller);
    const full = checkFieldAccess(context.governance.reader, caller.purpose, { coordinate: 'WatchlistEvent.record', shareLevel: 'CONDITIONAL' }) === null;
    const result = await execute({
      schema: deps.schemaFor(context), document: full ? FULL : OPEN, contextValue: context,
      variableValues: { watchlist: delivery.watchlistId, after: String(delivery.sequence - 1) },
    });
    if (result.errors?.length) throw new Error(`rendering the event failed: ${result.errors.map((e) => e.message).join('; ')}`);
    const entry = auditEntryFor(context.governance, { operationName: 'WebhookDelivery', source: full ? FULL_SOURCE : OPEN_SOURCE, mutation: false, failed: false });
    if (entry) await deps.ledger.append(entry);
    const events = (result.data as { watchlistEvents: { events: Record<string, unknown>[] } } | null)?.watchlistEvents.events ?? [];
    return { event: events[0] ?? null };
  };
}
