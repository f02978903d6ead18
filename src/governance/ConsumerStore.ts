import type { Grant } from './checkFieldAccess.js';

/** Kinds of caller: an information system, a government department or team, an enterprise, an agency outside government. */
export const CONSUMER_KINDS = ['SYSTEM', 'DEPARTMENT', 'ENTERPRISE', 'THIRD_PARTY'] as const;
/** What kind of caller a consumer is (the database checks the same list). */
export type ConsumerKind = (typeof CONSUMER_KINDS)[number];

/** A consumer to create. Roles come from rules/roles.json; ids are lowercase words joined by `-`. */
export interface NewConsumer {
  id: string;
  name: string;
  kind: ConsumerKind;
  roles: string[];
  /** Requests per minute across all hub processes; 600 when not given. */
  rateLimitPerMinute?: number;
  /** Accept only operations registered with registerTrustedDocument. */
  trustedDocumentsOnly?: boolean;
  grants?: NewGrant[];
  /** USCCs the consumer may act as (an enterprise looking at itself). */
  subjects?: string[];
}

/** A grant to add; `authorisation` cites the sharing agreement or approval it rests on. */
export interface NewGrant extends Grant {
  authorisation?: string | null;
}

/** An API key as lists show it: never the secret nor its hash. */
export interface ApiKeySummary {
  keyId: string;
  createdAt: Date;
  revokedAt: Date | null;
}

/** A consumer with everything the hub needs to decide what it may see. */
export interface Consumer {
  id: string;
  name: string;
  kind: ConsumerKind;
  roles: string[];
  status: 'ACTIVE' | 'REVOKED';
  trustedDocumentsOnly: boolean;
  rateLimitPerMinute: number;
  createdAt: Date;
  revokedAt: Date | null;
  /** Sorted by purpose, then scope. */
  grants: Grant[];
  /** Sorted. */
  subjects: string[];
}

/** A consumer as `listConsumers` returns it, with its keys (ids and dates only). */
export interface ConsumerSummary extends Consumer {
  keys: ApiKeySummary[];
}

/** A consumer or key id that does not exist, or a change a revoked consumer may not receive. */
export class ConsumerNotFoundError extends Error {
  constructor(what: string) {
    super(`${what} does not exist`);
    this.name = 'ConsumerNotFoundError';
  }
}

/** Consumers, their keys, grants, subjects and trusted documents. Implemented by KnexConsumerStore. */
export interface ConsumerStore {
  /**
   * Creates an active consumer with one key. The plain key is returned here and never again (only its
   * SHA-256 is stored). Rejects with an Error naming the problem for an unknown role or purpose, an invalid
   * scope, a grant beyond the roles' share level, or an id already taken.
   */
  createConsumer(input: NewConsumer): Promise<{ consumer: Consumer; apiKey: string }>;
  /** Adds a key to an active consumer; returns the plain key once. Rejects with ConsumerNotFoundError. */
  addKey(consumerId: string): Promise<{ keyId: string; apiKey: string }>;
  /** Every consumer, revoked ones included, ordered by id; key hashes are never read. */
  listConsumers(): Promise<ConsumerSummary[]>;
  /** Revokes the consumer and all its keys; false when it does not exist or was already revoked. */
  revokeConsumer(consumerId: string): Promise<boolean>;
  /** Revokes one key; false when it does not exist or was already revoked. */
  revokeKey(keyId: string): Promise<boolean>;
  /**
   * The consumer a bearer key belongs to, or null when the key is malformed, unknown, revoked, or its
   * consumer is revoked. At most one query (a key that succeeded moments ago may be answered from memory, see
   * KnexConsumerStore); the secret is compared in constant time. Never rejects for bad keys.
   */
  authenticate(bearerKey: string): Promise<Consumer | null>;
  /** The consumer with this id while it is active (not revoked), else null: who a webhook delivery is read for. */
  findActiveConsumer(consumerId: string): Promise<Consumer | null>;
  /** Adds a grant (idempotent). Rejects like createConsumer for a bad purpose or scope, or ConsumerNotFoundError. */
  grant(consumerId: string, grant: NewGrant): Promise<void>;
  /** Lets the consumer act as the subject with this USCC (idempotent). */
  addSubject(consumerId: string, uscc: string): Promise<void>;
  /** Registers a document for the consumer under its SHA-256 (idempotent); returns the hash. */
  registerTrustedDocument(consumerId: string, document: string, name: string): Promise<string>;
  /** True when the consumer registered a document with this SHA-256 hex hash. */
  isTrustedDocument(consumerId: string, documentHash: string): Promise<boolean>;
}
