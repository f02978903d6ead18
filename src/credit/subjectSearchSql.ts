import type { Knex } from 'knex';
import type { SubjectSearchFilter } from './CreditStore.js';

// The USCC alphabet (GB 32100-2015: digits and capitals without I, O, S, V, Z).
const USCC_PREFIX = /^[0-9A-HJ-NPQRTUWXY]{2,18}$/;

// The functions and generated columns of migration 20261202020000: search_normalise lower-cases, drops whitespace and
// turns full-width brackets half-width; search_bigrams gives the distinct two-character pieces of the names.
// Functions of bound constants are folded when the statement is planned, so the GIN index on search_bigrams is used.
// The current name, normalised: the first line of search_text (no function call per row beyond split_part).
const NAME = 'split_part(o.search_text, chr(10), 1)';
const QUERY = 'search_normalise(?::text)';

/** The USCC prefix a query stands for, when it is written in the USCC alphabet (case aside), else null. */
export function usccPrefixOf(query: string): string | null {
  const text = query.replace(/\s+/g, '').toUpperCase();
  return USCC_PREFIX.test(text) ? text : null;
}

// Words nearly every name has: their bigrams' posting lists cover most of the table, so the index is asked only for
// the rest of a query that contains them (the strpos check still confirms the whole query).
const COMMON_WORDS = ['有限责任公司', '股份有限公司', '有限公司', '深圳前海', '深圳市', '深圳', '公司'];

/** The parts of the query whose bigrams the index is asked for: the query without common words, else the query. */
export function indexPieces(query: string): string[] {
  let pieces = [query];
  for (const word of COMMON_WORDS) pieces = pieces.flatMap((piece) => piece.split(word));
  pieces = pieces.filter((piece) => [...piece].length >= 2);
  return pieces.length > 0 ? pieces : [query];
}

/**
 * Restricts `q` (on organisations aliased `o`) to the organisations the query finds: every bigram of the query (less
 * its common words) among the name bigrams (the index), then the normalised query in the current or a former name
 * (confirming what the bigrams suggest), or the USCC starting with it.
 */
export function whereSearchMatches(q: Knex.QueryBuilder, query: string): void {
  const prefix = usccPrefixOf(query);
  const [first, ...rest] = indexPieces(query) as [string, ...string[]];
  // search_bigrams(name, former names) takes each piece apart, so no bigram spans two pieces.
  const bigrams = ["o.search_bigrams @> search_bigrams(?::text, ?::jsonb)", [first, JSON.stringify(rest.map((name) => ({ name })))]] as const;
  q.where((w) => {
    // A two-character query is one bigram, and bigrams never span two names: the index alone decides.
    if (first === query && [...query].length === 2) w.whereRaw(bigrams[0], [...bigrams[1]]);
    else w.whereRaw(`(${bigrams[0]} AND strpos(o.search_text, ${QUERY}) > 0)`, [...bigrams[1], query]);
    // A range the primary key's index serves under any collation that orders ASCII digits before capitals; LIKE keeps
    // it exact.
    if (prefix) w.orWhereRaw('(o.uscc >= ? AND o.uscc <= ? AND o.uscc LIKE ?)', [prefix, prefix.padEnd(18, 'Y'), `${prefix}%`]);
  });
}

/** Applies a search filter to `q` (organisations aliased `o`). */
export function whereSearchFilter(q: Knex.QueryBuilder, filter: SubjectSearchFilter): void {
  if (filter.kinds?.length) q.whereIn('o.kind', filter.kinds);
  if (filter.districts?.length) q.whereIn('o.district_code', filter.districts);
  if (filter.industryCodes?.length) q.whereIn('o.industry_code', filter.industryCodes);
  if (filter.statuses?.length) q.whereIn('o.registration_status', filter.statuses);
  if (filter.capitalFrom !== undefined) q.whereRaw('o.registered_capital >= ?::numeric', [filter.capitalFrom]);
  if (filter.capitalTo !== undefined) q.whereRaw('o.registered_capital <= ?::numeric', [filter.capitalTo]);
  if (filter.establishedFrom !== undefined) q.where('o.established_on', '>=', filter.establishedFrom);
  if (filter.establishedTo !== undefined) q.where('o.established_on', '<=', filter.establishedTo);
}

/**
 * The relevance tier of a hit (0 best) and what matched, as SQL over `o` with their bindings: 0 the exact name or
 * USCC; 1 a name or trade name (after 深圳, 深圳市, 深圳前海) starting with the query, or a USCC prefix; 2 a name
 * containing it; 3 only a former name containing it.
 */
export function rankSql(query: string): { rank: string; match: string; bindings: string[]; matchBindings: string[] } {
  const prefix = usccPrefixOf(query) ?? '';
  const rank = `CASE
    WHEN ${NAME} = ${QUERY} OR o.uscc = ? THEN 0
    WHEN strpos(${NAME}, ${QUERY}) = 1 OR left(${NAME}, strpos(${NAME}, ${QUERY}) - 1) IN ('深圳', '深圳市', '深圳前海')
      OR (? <> '' AND o.uscc LIKE ?) THEN 1
    WHEN strpos(${NAME}, ${QUERY}) > 0 THEN 2
    ELSE 3 END`;
  const match = `CASE WHEN strpos(${NAME}, ${QUERY}) > 0 THEN 'NAME' WHEN strpos(o.search_text, ${QUERY}) > 0 THEN 'FORMER_NAME' ELSE 'USCC' END`;
  return {
    rank, match,
    bindings: [query, prefix, query, query, prefix, `${prefix}%`, query],
    matchBindings: [query, query],
  };
}
