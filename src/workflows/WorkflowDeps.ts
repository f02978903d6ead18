import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SubschemaConfig } from '@graphql-tools/delegate';
import type { Knex } from 'knex';
import type { IdNumberVault } from '../credit/index.js';
import type { PlatformIndicatorSource } from './evaluation/PlatformIndicatorSource.js';

/** What the credit workflows need from the hub. */
export interface WorkflowDeps {
  knex: Knex;
  vault: IdNumberVault;
  /** Ed25519 private key (PKCS#8 PEM) that signs credit checks; null outside production makes one per start. */
  checkSigningKeyPem: string | null;
  /** Today's date for deadlines, YYYY-MM-DD in Asia/Shanghai; tests may fix it. */
  today?: () => string;
  /** The connected platforms' indicators of government bodies for the integrity evaluation; absent, computing one fails SOURCE_UNAVAILABLE. */
  platformIndicators?: PlatformIndicatorSource;
}

/** An extra HTTP route a workflow serves (e.g. the public key that verifies signed checks); true when handled. */
export type WorkflowRoute = (req: IncomingMessage, res: ServerResponse, path: string) => boolean;

/** What one workflow adds to the hub: subschemas to stitch and HTTP routes. */
export interface Workflow {
  subschemas: SubschemaConfig[];
  routes: WorkflowRoute[];
}
