import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SubschemaConfig } from '@graphql-tools/delegate';
import type { Knex } from 'knex';
import type { IdNumberVault } from '../credit/index.js';
import type { TenderSource } from './creditChecks/TenderSource.js';
import type { PlatformIndicatorSource } from './evaluation/PlatformIndicatorSource.js';
import type { WatchlistOptions } from './watchlists/WatchlistOptions.js';

/** What the credit workflows need from the hub. */
export interface WorkflowDeps {
  knex: Knex;
  vault: IdNumberVault;
  /**
   * Ed25519 private key (PKCS#8 PEM) that signs credit checks (the hub passes CREDIT_CHECK_SIGNING_KEY or the
   * key derived from the data key); null makes one per process, for tests and schema printing only.
   */
  checkSigningKeyPem: string | null;
  /** The bidding platform, read by runCreditCheck(input: { tenderCode }); absent: tender codes answer SOURCE_UNAVAILABLE. */
  tenderSource?: TenderSource;
  /** Today's date for deadlines, YYYY-MM-DD in Asia/Shanghai; tests may fix it. */
  today?: () => string;
  /** The connected platforms' indicators of government bodies for the integrity evaluation; absent, computing one fails SOURCE_UNAVAILABLE. */
  platformIndicators?: PlatformIndicatorSource;
  /** Watchlists' polling and webhook retries, and how the hub renders a webhook payload; defaults otherwise. */
  watchlists?: WatchlistOptions;
}

/** An extra HTTP route a workflow serves (e.g. the public key that verifies signed checks); true when handled. */
export type WorkflowRoute = (req: IncomingMessage, res: ServerResponse, path: string) => boolean;

/** Background work a workflow runs while the hub runs (e.g. delivering webhooks); started once the hub listens. */
export interface WorkflowService {
  start(): void;
  /** Stops it; resolves once the work in flight has finished. */
  stop(): Promise<void>;
}

/**
 * A party a workflow names by USCC (`usccField` of `typeName`) that the hub links to the credit store's
 * subject as `fieldName: CreditSubject`, resolved in one batch per level (as the gateways' subject links).
 */
export interface WorkflowSubjectLink {
  typeName: string;
  fieldName: string;
  usccField: string;
  description: string;
}

/** What one workflow adds to the hub: subschemas to stitch, HTTP routes, subject links and background services. */
export interface Workflow {
  subschemas: SubschemaConfig[];
  routes: WorkflowRoute[];
  subjectLinks?: WorkflowSubjectLink[];
  services?: WorkflowService[];
}
