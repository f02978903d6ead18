import { describe, expect, it } from 'vitest';
import { generateApiKey, hashSecret, parseApiKey, secretMatches } from '../../src/governance/index.js';

describe('API keys', () => {
  it('parse back to their id and secret, and only the right secret matches the hash', () => {
    const { apiKey, keyId, secret } = generateApiKey();
    expect(parseApiKey(` ${apiKey} `)).toEqual({ keyId, secret });
    expect(secretMatches(secret, hashSecret(secret))).toBe(true);
    expect(secretMatches(`${secret.slice(0, -1)}x`, hashSecret(secret))).toBe(false);
    expect(secretMatches(secret, 'not-a-hash')).toBe(false);
    expect(parseApiKey(apiKey.replace('cxk_', 'abc_'))).toBeNull();
    expect(new Set(Array.from({ length: 50 }, () => generateApiKey().apiKey)).size).toBe(50);
  });
});
