import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header carrying a delivery's signature. */
export const SIGNATURE_HEADER = 'x-chengxin-signature';

/**
 * Signs a webhook body: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>` — the timestamp is
 * signed with the body so a captured delivery cannot be replayed later with a new time.
 */
export function signWebhook(secret: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`, 'utf8').digest('hex');
  return `t=${timestampSeconds},v1=${mac}`;
}

/**
 * True when `header` (the X-Chengxin-Signature value) signs `body` with `secret` and its timestamp is within
 * `toleranceSeconds` of `nowSeconds`. What a receiver runs on the raw body before parsing it.
 */
export function verifyWebhookSignature(secret: string, header: string, body: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = new Map(header.split(',').map((part) => {
    const at = part.indexOf('=');
    return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
  }));
  const timestamp = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds || !/^[0-9a-f]{64}$/.test(given)) return false;
  const expected = signWebhook(secret, timestamp, body).slice(`t=${timestamp},v1=`.length);
  return timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(expected, 'hex'));
}
