import type { Knex } from 'knex';

/**
 * Registration particulars of organisations (登记信息) and a search index over their names.
 *
 * - `industry_code`: the GB/T 4754-2017 division (大类, two digits; the section letter follows from it, see
 *   src/codes/industryClassification.json); `registered_capital` in 万元, exact (注册资本 / 开办资金 / 注册资金);
 *   `registration_status` (登记状态); `business_scope` (经营范围 / 业务范围, a summary); `registration_authority_uscc`
 *   (登记机关, a body in this table); `former_names` (曾用名) as `[{ "name": …, "until": "YYYY-MM-DD" }]`, oldest first.
 *   All nullable: rows loaded before this migration have none until their registration data arrives.
 * - Name search: PostgreSQL's pg_trgm keeps CJK characters under the C.UTF-8 ctype of both databases but extracts no
 *   trigram from a two-character fragment, so `LIKE '%华信%'` falls back to reading every row; and PGlite needs the
 *   extension loaded. Instead the database keeps, per organisation, the distinct character bigrams of its current
 *   and former names (`search_bigrams`, GIN-indexed; a fragment of n characters must have all its n-1 bigrams) and
 *   the names themselves, normalised, for the confirming `strpos` (`search_text`). Both are generated columns, so
 *   every writer (seed, ingestion, tests) keeps them right without a trigger.
 *
 * The status values are spelled out here so that replaying the migration never depends on the code's enum.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION search_normalise(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN lower(regexp_replace(translate(coalesce(value, ''), '（）　', '() '), '\\s+', '', 'g'))`);
  // Names joined by a line feed, which a normalised query never contains, so no match spans two names.
  await knex.raw(`
    CREATE FUNCTION organisation_search_text(name text, former_names jsonb) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
    BEGIN ATOMIC
      SELECT string_agg(search_normalise(n), E'\\n' ORDER BY o)
      FROM (SELECT name AS n, 0 AS o
            UNION ALL SELECT f ->> 'name', i FROM jsonb_array_elements(coalesce(former_names, '[]'::jsonb)) WITH ORDINALITY AS x(f, i)) s;
    END`);
  await knex.raw(`
    CREATE FUNCTION search_bigrams(name text, former_names jsonb) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
    BEGIN ATOMIC
      SELECT coalesce(array_agg(DISTINCT substr(s.n, g.i, 2)), '{}'::text[])
      FROM (SELECT search_normalise(name) AS n
            UNION ALL SELECT search_normalise(f ->> 'name') FROM jsonb_array_elements(coalesce(former_names, '[]'::jsonb)) AS x(f)) s,
           generate_series(1, length(s.n) - 1) AS g(i);
    END`);
  await knex.raw(`
    ALTER TABLE organisations
      ADD COLUMN industry_code varchar(2) CHECK (industry_code ~ '^[0-9]{2}$'),
      ADD COLUMN registered_capital numeric(20, 6) CHECK (registered_capital > 0),
      ADD COLUMN registration_status text CHECK (registration_status IN ('EXISTING', 'IN_BUSINESS', 'REVOKED', 'DEREGISTERED', 'MOVED_OUT')),
      ADD COLUMN business_scope text,
      ADD COLUMN registration_authority_uscc varchar(18) REFERENCES organisations (uscc),
      ADD COLUMN former_names jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(former_names) = 'array'),
      ADD COLUMN search_text text GENERATED ALWAYS AS (organisation_search_text(name, former_names)) STORED,
      ADD COLUMN search_bigrams text[] GENERATED ALWAYS AS (search_bigrams(name, former_names)) STORED`);
  await knex.raw('CREATE INDEX organisations_search_bigrams_idx ON organisations USING gin (search_bigrams)');
  await knex.raw('CREATE INDEX organisations_industry_idx ON organisations (industry_code)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE organisations
      DROP COLUMN search_bigrams, DROP COLUMN search_text, DROP COLUMN former_names, DROP COLUMN registration_authority_uscc,
      DROP COLUMN business_scope, DROP COLUMN registration_status, DROP COLUMN registered_capital, DROP COLUMN industry_code`);
  await knex.raw('DROP FUNCTION search_bigrams(text, jsonb)');
  await knex.raw('DROP FUNCTION organisation_search_text(text, jsonb)');
  await knex.raw('DROP FUNCTION search_normalise(text)');
}
