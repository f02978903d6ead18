import type { SubschemaConfig } from '@graphql-tools/delegate';
import type { SampleDataSize } from '../../db/seed/SampleData.js';
import type { SourcePlatform } from './platforms.js';
import type { PlatformSettings } from './PlatformSettings.js';
import type { RunningSandbox } from './sandbox/createSandboxServer.js';

/**
 * A field of a platform type that names a credit subject by USCC (a tenderer, a builder, a bidder).
 * The hub adds `fieldName: CreditSubject` to `typeName`, resolved in one batch per level from the
 * credit store through `subjects(usccs:)`; a subject the credit store does not know gives null.
 */
export interface SubjectLink {
  typeName: string;
  /** The new field, e.g. `tenderer`. */
  fieldName: string;
  /** The existing field holding the USCC, e.g. `tendererUscc`. */
  usccField: string;
  /** The field's description for the explorer, in English with the Chinese term. */
  description: string;
}

/** What an adapter's subschema needs at run time. */
export interface GatewaySubschema {
  /** The subschema config for stitching, with batched merge configs on USCC. */
  subschema: SubschemaConfig;
  /** Releases the HTTP connections. */
  close(): void;
}

/** One connected platform, as the hub sees it: everything exported by `gateways/<platform>/index.ts`. */
export interface Gateway {
  platform: SourcePlatform;
  /** Starts a sandbox of the platform on loopback with fixture data consistent with the sample data of `size`. */
  startSandbox(options: { size: SampleDataSize; token: string; host?: string; port?: number }): Promise<RunningSandbox>;
  /** Builds the adapter's subschema, talking to the platform described by `settings`. */
  createSubschema(settings: PlatformSettings): GatewaySubschema;
  subjectLinks: SubjectLink[];
}
