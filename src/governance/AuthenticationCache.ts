import type { Consumer } from './ConsumerStore.js';

/**
 * How long a consumer found by its key is answered from memory. A key revoked, a consumer revoked or
 * given a grant or subject by another process (the consumers CLI, another hub process) takes effect in this
 * process within this time; changes made through any consumer store of this process take effect at once.
 */
export const AUTHENTICATION_CACHE_MS = 5_000;
/** Most keys remembered; past it the oldest are forgotten first (a lookup then reads the database again). */
const MAX_KEYS = 10_000;

interface Remembered {
  secretHash: string;
  consumer: Consumer;
  expiresAt: number;
}

/**
 * What a process remembers of recent successful authentications, by key id: the stored hash of the
 * key's secret (the secret itself is never kept) and the consumer. Only successes are remembered, so a key
 * created a moment ago works at once and every failure still reads the database. `forget*` drop entries
 * and make lookups already under way not remember what they read, so a revocation is never undone by a
 * read that started before it.
 */
export class AuthenticationCache {
  private readonly byKeyId = new Map<string, Remembered>();
  private generation = 0;

  constructor(private readonly ttlMs: number = AUTHENTICATION_CACHE_MS, private readonly now: () => number = Date.now) {}

  /** The remembered secret hash and consumer of `keyId`, or undefined when unknown or expired. */
  find(keyId: string): { secretHash: string; consumer: Consumer } | undefined {
    const entry = this.byKeyId.get(keyId);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.byKeyId.delete(keyId);
      return undefined;
    }
    return entry;
  }

  /** A token to pass to `remember` after a database read, so a forget that happened meanwhile wins. */
  startLookup(): number {
    return this.generation;
  }

  /** Remembers a successful authentication read while `lookup` was current. */
  remember(lookup: number, keyId: string, secretHash: string, consumer: Consumer): void {
    if (lookup !== this.generation) return;
    if (this.byKeyId.size >= MAX_KEYS) this.byKeyId.delete(this.byKeyId.keys().next().value!);
    this.byKeyId.set(keyId, { secretHash, consumer, expiresAt: this.now() + this.ttlMs });
  }

  /** Forgets one key. */
  forgetKey(keyId: string): void {
    this.generation += 1;
    this.byKeyId.delete(keyId);
  }

  /** Forgets every key of a consumer (revoked, or its grants or subjects changed). */
  forgetConsumer(consumerId: string): void {
    this.generation += 1;
    for (const [keyId, entry] of this.byKeyId) if (entry.consumer.id === consumerId) this.byKeyId.delete(keyId);
  }
}
