import type { ConsumerStore } from '../ConsumerStore.js';
import { isPurpose, PURPOSES } from '../purposes.js';
import type { Caller } from './RequestGovernance.js';
import type { ErrorCode } from '../../codes/index.js';

/** Why a request is refused before execution: HTTP status, GraphQL error code and a message naming the header. */
export interface CallerRejection {
  status: 400 | 401;
  code: Extract<ErrorCode, 'UNAUTHENTICATED' | 'BAD_USER_INPUT'>;
  message: string;
  header: string;
}

const CASE_REFERENCE = /^[\p{L}\p{N}][\p{L}\p{N} ._:/()\-〔〕［］【】号第]{0,127}$/u;

function header(headers: Record<string, string | string[] | undefined>, name: string): string | null {
  const value = headers[name];
  const text = Array.isArray(value) ? value.join(',') : value;
  return text === undefined || text.trim() === '' ? null : text.trim();
}

/**
 * Identifies the caller of one HTTP request from `Authorization: Bearer <API key>`, `X-Purpose` and
 * `X-Case-Reference` (percent-encoded UTF-8). No key is the public. Resolves with the caller, or a rejection: an unknown,
 * revoked or malformed key is UNAUTHENTICATED (401); an unknown purpose, a purpose without a case
 * reference or a malformed reference is BAD_USER_INPUT (400) naming the header and the fix.
 */
export async function identifyCaller(
  headers: Record<string, string | string[] | undefined>,
  consumers: ConsumerStore,
): Promise<{ caller: Caller } | { rejection: CallerRejection }> {
  const purpose = header(headers, 'x-purpose');
  // HTTP header values are Latin-1; a case reference with Chinese characters (深南招〔2026〕0123号) is sent
  // percent-encoded as UTF-8 (encodeURIComponent) and decoded here.
  const encodedReference = header(headers, 'x-case-reference');
  let caseReference: string | null = null;
  try {
    caseReference = encodedReference === null ? null : decodeURIComponent(encodedReference);
  } catch {
    return { rejection: { status: 400, code: 'BAD_USER_INPUT', header: 'X-Case-Reference', message: 'X-Case-Reference: not valid percent-encoded UTF-8; encode it with encodeURIComponent' } };
  }
  if (purpose !== null && !isPurpose(purpose)) {
    return { rejection: { status: 400, code: 'BAD_USER_INPUT', header: 'X-Purpose', message: `X-Purpose: unknown purpose "${String(purpose).slice(0, 40)}"; use one of ${PURPOSES.map((p) => p.code).join(', ')}` } };
  }
  if (purpose !== null && caseReference === null) {
    return { rejection: { status: 400, code: 'BAD_USER_INPUT', header: 'X-Case-Reference', message: 'X-Case-Reference: required with X-Purpose — the file or case number the use rests on, e.g. 深南招〔2026〕0123号' } };
  }
  if (caseReference !== null && purpose === null) {
    return { rejection: { status: 400, code: 'BAD_USER_INPUT', header: 'X-Purpose', message: 'X-Purpose: required with X-Case-Reference — declare the purpose the case is for' } };
  }
  if (caseReference !== null && !CASE_REFERENCE.test(caseReference)) {
    return { rejection: { status: 400, code: 'BAD_USER_INPUT', header: 'X-Case-Reference', message: 'X-Case-Reference: at most 128 characters, letters, digits, spaces and . _ : / ( ) - 〔〕 号 第, starting with a letter or digit' } };
  }
  const authorization = header(headers, 'authorization');
  if (authorization === null) return { caller: { consumer: null, purpose, caseReference } };
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match) {
    return { rejection: { status: 401, code: 'UNAUTHENTICATED', header: 'Authorization', message: 'Authorization: expected "Bearer <API key>"; leave the header out to query as the public' } };
  }
  const consumer = await consumers.authenticate(match[1]!);
  if (!consumer) {
    return { rejection: { status: 401, code: 'UNAUTHENTICATED', header: 'Authorization', message: 'Authorization: unknown or revoked API key; ask the credit office for a key, or leave the header out to query as the public' } };
  }
  return { caller: { consumer, purpose, caseReference } };
}
