import { describe, expect, it } from 'vitest';
import { AuthenticationCache } from '../../src/governance/AuthenticationCache.js';
import type { Consumer } from '../../src/governance/index.js';

const consumer = (id: string): Consumer => ({
  id, name: id, kind: 'SYSTEM', roles: ['BIDDING_SYSTEM'], status: 'ACTIVE', trustedDocumentsOnly: false,
  rateLimitPerMinute: 600, createdAt: new Date('2026-11-30T00:00:00Z'), revokedAt: null, grants: [], subjects: [],
});

describe('AuthenticationCache', () => {
  it('answers a remembered key until it expires', () => {
    let now = 1_000;
    const cache = new AuthenticationCache(5_000, () => now);
    cache.remember(cache.startLookup(), 'k1', 'h1', consumer('bidding-system'));
    now += 4_999;
    expect(cache.find('k1')).toEqual({ secretHash: 'h1', consumer: consumer('bidding-system'), expiresAt: 6_000 });
    now += 1;
    expect(cache.find('k1')).toBeUndefined();
  });

  it('forgets a key or every key of a consumer, and a lookup under way does not bring it back', () => {
    const cache = new AuthenticationCache(5_000, () => 0);
    cache.remember(cache.startLookup(), 'k1', 'h1', consumer('a'));
    cache.remember(cache.startLookup(), 'k2', 'h2', consumer('a'));
    cache.remember(cache.startLookup(), 'k3', 'h3', consumer('b'));
    const underWay = cache.startLookup();
    cache.forgetConsumer('a');
    cache.remember(underWay, 'k1', 'h1', consumer('a'));
    expect([cache.find('k1'), cache.find('k2'), cache.find('k3')?.consumer.id]).toEqual([undefined, undefined, 'b']);
    cache.forgetKey('k3');
    expect(cache.find('k3')).toBeUndefined();
  });
});
