import type { Grant } from './checkFieldAccess.js';
import type { ApiKeySummary, Consumer, ConsumerKind, ConsumerSummary } from './ConsumerStore.js';

// The only place where the consumer tables' snake_case columns meet camelCase fields.

type Row = Record<string, unknown>;

const toDate = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));
const toDateOrNull = (value: unknown): Date | null => (value === null || value === undefined ? null : toDate(value));
// json_agg comes back parsed from node-postgres and PGlite alike; keep a string fallback for other drivers.
const parseJson = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));

/** SQL for the columns every consumer read selects (`c` is consumers), grants and subjects aggregated. */
export const CONSUMER_SELECT = `c.id, c.name, c.kind, c.roles, c.status, c.trusted_documents_only,
  c.rate_limit_per_minute, c.created_at, c.revoked_at,
  coalesce((SELECT json_agg(json_build_object('purpose', g.purpose, 'scope', g.scope) ORDER BY g.purpose, g.scope)
    FROM consumer_grants g WHERE g.consumer_id = c.id), '[]') AS grants,
  coalesce((SELECT array_agg(s.uscc::text ORDER BY s.uscc) FROM consumer_subjects s WHERE s.consumer_id = c.id),
    '{}') AS subjects`;

/** SQL for a consumer's keys without their hashes, as `keys`. */
export const KEYS_SELECT = `coalesce((SELECT json_agg(json_build_object('keyId', k.key_id, 'createdAt', k.created_at,
    'revokedAt', k.revoked_at) ORDER BY k.created_at, k.key_id)
  FROM consumer_api_keys k WHERE k.consumer_id = c.id), '[]') AS keys`;

/** A row selected with CONSUMER_SELECT → Consumer. */
export function toConsumer(row: Row): Consumer {
  return {
    id: String(row.id),
    name: String(row.name),
    kind: String(row.kind) as ConsumerKind,
    roles: row.roles as string[],
    status: row.status === 'REVOKED' ? 'REVOKED' : 'ACTIVE',
    trustedDocumentsOnly: Boolean(row.trusted_documents_only),
    rateLimitPerMinute: Number(row.rate_limit_per_minute),
    createdAt: toDate(row.created_at),
    revokedAt: toDateOrNull(row.revoked_at),
    grants: parseJson<Grant[]>(row.grants),
    subjects: row.subjects as string[],
  };
}

/** A row selected with CONSUMER_SELECT and KEYS_SELECT → ConsumerSummary. */
export function toConsumerSummary(row: Row): ConsumerSummary {
  const keys = parseJson<{ keyId: string; createdAt: string; revokedAt: string | null }[]>(row.keys);
  return {
    ...toConsumer(row),
    keys: keys.map((k): ApiKeySummary => ({
      keyId: k.keyId, createdAt: toDate(k.createdAt), revokedAt: toDateOrNull(k.revokedAt),
    })),
  };
}
