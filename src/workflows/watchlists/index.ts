export { createWatchlistWorkflow } from './createWatchlistWorkflow.js';
export { KnexWatchlistStore } from './KnexWatchlistStore.js';
export { SIGNATURE_HEADER, signWebhook, verifyWebhookSignature } from './signWebhook.js';
export type { RenderWebhookEvent, WatchlistOptions } from './WatchlistOptions.js';
export type { ClaimedDelivery, WatchlistStore } from './WatchlistStore.js';
