/*
 * The page's one way to ask the hub: POST a registered operation as JSON to the hub's own GraphQL endpoint,
 * without a key (the public's view). The texts come from the page's configuration element, which the hub
 * fills from src/hub/dashboard/page/panels/*.graphql, so the page sends those texts and no other.
 */

/**
 * Returns `run(operationName, variables)`, which resolves to `{ data, errors }` (errors may be partial, e.g.
 * a platform that did not answer) and rejects with a readable Error when the hub answers no data at all
 * (its `errors` property holds the hub's errors, e.g. for a panel to tell NOT_FOUND from a failure).
 * @param {{ graphqlPath: string, documents: Record<string, string> }} config
 */
export function createClient(config) {
  return async function run(operationName, variables = {}) {
    const query = config.documents[operationName];
    if (typeof query !== 'string') throw new Error(`the page has no registered operation ${operationName}`);
    const response = await fetch(config.graphqlPath, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables, operationName }),
    });
    let body;
    try {
      body = await response.json();
    } catch {
      throw new Error(`${operationName}: the hub answered HTTP ${response.status} without JSON`);
    }
    const errors = Array.isArray(body.errors) ? body.errors : [];
    if (!body.data) {
      const messages = errors.map((error) => error.message).join('; ');
      throw Object.assign(new Error(`${operationName}: ${messages || `HTTP ${response.status}`}`), { errors });
    }
    return { data: body.data, errors };
  };
}
