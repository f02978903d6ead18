import type { Knex } from 'knex';
import { generateApiKey, hashDocument, hashSecret, parseApiKey, secretMatches } from './apiKeys.js';
import { assertValidGrant, InvalidGrantError } from './assertValidGrant.js';
import { AuthenticationCache } from './AuthenticationCache.js';
import {
  ConsumerNotFoundError, type Consumer, type ConsumerStore, type ConsumerSummary, type NewConsumer, type NewGrant,
} from './ConsumerStore.js';
import { CONSUMER_SELECT, KEYS_SELECT, toConsumer, toConsumerSummary } from './consumerRows.js';
import { permissionsOf } from './roles.js';

type Row = Record<string, unknown>;

// Compared against when the key id is unknown, so an unknown id costs the same as a wrong secret.
const NO_HASH = '0'.repeat(64);
const isUniqueViolation = (error: unknown): boolean => (error as { code?: string }).code === '23505';

// One cache per database handle, shared by every store on it in this process, so a revocation through any
// of them (the hub's, a test's, the governance subschema's) takes effect at once for all.
const caches = new WeakMap<Knex, AuthenticationCache>();
function cacheOf(knex: Knex): AuthenticationCache {
  let cache = caches.get(knex);
  if (!cache) caches.set(knex, (cache = new AuthenticationCache()));
  return cache;
}

/**
 * Consumers on PostgreSQL (server or PGlite) through knex. `authenticate` answers a key that succeeded in
 * the last `AUTHENTICATION_CACHE_MS` from memory (its secret still checked against the stored hash); a
 * revocation, grant or subject made through any store on the same knex takes effect at once, one made by
 * another process within that time.
 */
export class KnexConsumerStore implements ConsumerStore {
  private readonly cache: AuthenticationCache;

  private constructor(private readonly knex: Knex) {
    this.cache = cacheOf(knex);
  }

  /** Wraps a migrated database. */
  static create(knex: Knex): KnexConsumerStore {
    return new KnexConsumerStore(knex);
  }

  async createConsumer(input: NewConsumer): Promise<{ consumer: Consumer; apiKey: string }> {
    for (const grant of input.grants ?? []) assertValidGrant(input.roles, grant);
    if (input.roles.length === 0) throw new InvalidGrantError(`consumer ${input.id} needs at least one role`);
    if (permissionsOf(input.roles).ownSubjectsOnly && (input.subjects ?? []).length === 0) {
      throw new InvalidGrantError(`consumer ${input.id} sees only its own subjects; give the USCC it acts as (subjects)`);
    }
    const key = generateApiKey();
    try {
      await this.knex.transaction(async (trx) => {
        await trx('consumers').insert({
          id: input.id, name: input.name, kind: input.kind, roles: input.roles,
          trusted_documents_only: input.trustedDocumentsOnly ?? false,
          rate_limit_per_minute: input.rateLimitPerMinute ?? 600,
        });
        await trx('consumer_api_keys').insert({ key_id: key.keyId, consumer_id: input.id, secret_hash: hashSecret(key.secret) });
        for (const grant of input.grants ?? []) await this.insertGrant(trx, input.id, grant);
        for (const uscc of input.subjects ?? []) await this.insertSubject(trx, input.id, uscc);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new InvalidGrantError(`consumer ${input.id} already exists`);
      throw error;
    }
    return { consumer: (await this.findConsumer(input.id))!, apiKey: key.apiKey };
  }

  async addKey(consumerId: string): Promise<{ keyId: string; apiKey: string }> {
    await this.activeConsumer(consumerId);
    const key = generateApiKey();
    await this.knex('consumer_api_keys').insert({ key_id: key.keyId, consumer_id: consumerId, secret_hash: hashSecret(key.secret) });
    return { keyId: key.keyId, apiKey: key.apiKey };
  }

  async listConsumers(): Promise<ConsumerSummary[]> {
    const rows: Row[] = (await this.knex.raw(`SELECT ${CONSUMER_SELECT}, ${KEYS_SELECT} FROM consumers c ORDER BY c.id`)).rows;
    return rows.map(toConsumerSummary);
  }

  async revokeConsumer(consumerId: string): Promise<boolean> {
    try {
      return await this.knex.transaction(async (trx) => {
        const revoked = await trx('consumers').where({ id: consumerId, status: 'ACTIVE' })
          .update({ status: 'REVOKED', revoked_at: trx.fn.now() });
        await trx('consumer_api_keys').where({ consumer_id: consumerId }).whereNull('revoked_at').update({ revoked_at: trx.fn.now() });
        return revoked > 0;
      });
    } finally {
      // After the commit (or a failure that may have committed): no lookup may remember the old state.
      this.cache.forgetConsumer(consumerId);
    }
  }

  async revokeKey(keyId: string): Promise<boolean> {
    try {
      return (await this.knex('consumer_api_keys').where({ key_id: keyId }).whereNull('revoked_at')
        .update({ revoked_at: this.knex.fn.now() })) > 0;
    } finally {
      this.cache.forgetKey(keyId);
    }
  }

  async authenticate(bearerKey: string): Promise<Consumer | null> {
    const parts = parseApiKey(bearerKey);
    if (!parts) return null;
    const remembered = this.cache.find(parts.keyId);
    // The secret is checked as on a database read; a wrong one is refused without reading (the hash never changes).
    if (remembered) return secretMatches(parts.secret, remembered.secretHash) ? remembered.consumer : null;
    const lookup = this.cache.startLookup();
    const rows: Row[] = (await this.knex.raw(
      `SELECT ${CONSUMER_SELECT}, k.secret_hash, k.revoked_at AS key_revoked_at
         FROM consumer_api_keys k JOIN consumers c ON c.id = k.consumer_id WHERE k.key_id = ?`,
      [parts.keyId],
    )).rows;
    const row = rows[0];
    const matches = secretMatches(parts.secret, row ? String(row.secret_hash) : NO_HASH);
    if (!row || !matches || row.key_revoked_at !== null || row.status !== 'ACTIVE') return null;
    const consumer = toConsumer(row);
    this.cache.remember(lookup, parts.keyId, String(row.secret_hash), consumer);
    return consumer;
  }

  async grant(consumerId: string, grant: NewGrant): Promise<void> {
    const consumer = await this.activeConsumer(consumerId);
    assertValidGrant(consumer.roles, grant);
    try {
      await this.insertGrant(this.knex, consumerId, grant);
    } finally {
      this.cache.forgetConsumer(consumerId);
    }
  }

  async addSubject(consumerId: string, uscc: string): Promise<void> {
    await this.activeConsumer(consumerId);
    try {
      await this.insertSubject(this.knex, consumerId, uscc);
    } finally {
      this.cache.forgetConsumer(consumerId);
    }
  }

  async registerTrustedDocument(consumerId: string, document: string, name: string): Promise<string> {
    await this.activeConsumer(consumerId);
    const documentHash = hashDocument(document);
    await this.knex('trusted_documents').insert({ consumer_id: consumerId, document_hash: documentHash, document, name })
      .onConflict(['consumer_id', 'document_hash']).ignore();
    return documentHash;
  }

  async isTrustedDocument(consumerId: string, documentHash: string): Promise<boolean> {
    const row = await this.knex('trusted_documents').first('document_hash')
      .where({ consumer_id: consumerId, document_hash: documentHash.toLowerCase() });
    return row !== undefined;
  }

  async findActiveConsumer(consumerId: string): Promise<Consumer | null> {
    const consumer = await this.findConsumer(consumerId);
    return consumer?.status === 'ACTIVE' ? consumer : null;
  }

  private async findConsumer(consumerId: string): Promise<Consumer | null> {
    const rows: Row[] = (await this.knex.raw(`SELECT ${CONSUMER_SELECT} FROM consumers c WHERE c.id = ?`, [consumerId])).rows;
    return rows[0] ? toConsumer(rows[0]) : null;
  }

  private async activeConsumer(consumerId: string): Promise<Consumer> {
    const consumer = await this.findConsumer(consumerId);
    if (!consumer || consumer.status !== 'ACTIVE') throw new ConsumerNotFoundError(`active consumer ${consumerId}`);
    return consumer;
  }

  private async insertGrant(db: Knex, consumerId: string, grant: NewGrant): Promise<void> {
    await db('consumer_grants')
      .insert({ consumer_id: consumerId, purpose: grant.purpose, scope: grant.scope, authorisation: grant.authorisation ?? null })
      .onConflict(['consumer_id', 'purpose', 'scope']).ignore();
  }

  private async insertSubject(db: Knex, consumerId: string, uscc: string): Promise<void> {
    await db('consumer_subjects').insert({ consumer_id: consumerId, uscc }).onConflict(['consumer_id', 'uscc']).ignore();
  }
}
