/**
 * Splits `keys` (duplicates removed) into chunks of at most `size`, the platform's cap per request, and
 * runs `fetch` on every chunk at once; resolves with the results in chunk order, or rejects with the
 * first failure (one failed chunk fails the batch, as one request would). Concurrency is bounded by the
 * platform's keep-alive agent (`maxSockets`), so every adapter behaves alike (gateways/README.md).
 */
export async function inChunks<K, R>(keys: Iterable<K>, size: number, fetch: (chunk: K[]) => Promise<R>): Promise<R[]> {
  const unique = [...new Set(keys)];
  const chunks: K[][] = [];
  for (let i = 0; i < unique.length; i += size) chunks.push(unique.slice(i, i + size));
  return Promise.all(chunks.map(fetch));
}
