import type { Knex } from 'knex';
import { generateSampleData } from './generateSampleData.js';
import type { SampleDataOptions, SampleDataSize } from './SampleData.js';

/** What `backfillRegistrations` did. */
export interface BackfillSummary {
  updated: number;
  /** Generated organisations with no row of the same USCC and name (a database loaded from another seed or size). */
  unmatched: number;
  elapsedMs: number;
}

const ROWS_PER_STATEMENT = 2_000;

/**
 * Gives the organisations of a database loaded with sample data before migration 20261202020000 their registration
 * particulars, exactly as `generateSampleData(size, options)` now generates them: one UPDATE per 2,000 organisations,
 * matched by USCC and name, in one transaction. Rows that already have a registration status are left alone.
 */
export async function backfillRegistrations(knex: Knex, size: SampleDataSize, options: SampleDataOptions = {}): Promise<BackfillSummary> {
  const started = performance.now();
  const all = [...generateSampleData(size, options).organisations].flat();
  let updated = 0;
  await knex.transaction(async (trx) => {
    for (let start = 0; start < all.length; start += ROWS_PER_STATEMENT) {
      const rows = all.slice(start, start + ROWS_PER_STATEMENT).map((o) => ({
        uscc: o.uscc, name: o.name, industry_code: o.industryCode, registered_capital: o.registeredCapital,
        registration_status: o.registrationStatus, business_scope: o.businessScope,
        registration_authority_uscc: o.registrationAuthorityUscc, former_names: o.formerNames,
      }));
      const result = await trx.raw(`
        UPDATE organisations AS o SET industry_code = v.industry_code, registered_capital = v.registered_capital,
          registration_status = v.registration_status, business_scope = v.business_scope,
          registration_authority_uscc = v.registration_authority_uscc, former_names = coalesce(v.former_names, '[]'::jsonb)
        FROM jsonb_to_recordset(?::jsonb) AS v(uscc text, name text, industry_code text, registered_capital numeric,
          registration_status text, business_scope text, registration_authority_uscc text, former_names jsonb)
        WHERE o.uscc = v.uscc AND o.name = v.name AND o.registration_status IS NULL`, [JSON.stringify(rows)]) as { rowCount?: number; affectedRows?: number };
      updated += Number(result.rowCount ?? result.affectedRows ?? 0);
    }
  });
  await knex.raw('ANALYZE organisations');
  return { updated, unmatched: all.length - updated, elapsedMs: Math.round(performance.now() - started) };
}
