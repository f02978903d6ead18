import type { WorkflowRoute } from '../WorkflowDeps.js';
import type { CreditCheckStore } from './CreditCheckStore.js';
import type { CheckPublicKey } from '../signing/index.js';

/** Where the hub publishes the keys that verify signed credit checks. */
export const CHECK_KEYS_PATH = '/.well-known/credit-check-keys';

/**
 * GET /.well-known/credit-check-keys: a JSON Web Key Set of the current signing key and every key that
 * ever signed a check (credit_check_keys), so checks signed before a key rotation keep verifying. When the
 * database cannot be read the current key alone is served, marked not cacheable.
 */
export function createJwksRoute(store: CreditCheckStore, current: CheckPublicKey): WorkflowRoute {
  return (req, res, path) => {
    if (path !== CHECK_KEYS_PATH) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: `${CHECK_KEYS_PATH} answers GET only` }));
      return true;
    }
    store.signingKeys().then(
      (stored) => send(200, [current, ...stored.filter((k) => k.kid !== current.kid)], 'public, max-age=300'),
      () => send(200, [current], 'no-store'),
    );
    function send(status: number, keys: CheckPublicKey[], cache: string): void {
      res.writeHead(status, { 'content-type': 'application/jwk-set+json', 'cache-control': cache });
      res.end(req.method === 'HEAD' ? undefined : JSON.stringify({ keys }));
    }
    return true;
  };
}
