import type { Knex } from 'knex';

/**
 * The USCCs of `usccs` and of every organisation under one of them (organisations.parent_uscc, at any
 * depth), sorted; [] for []. One recursive query. The bodies whose staff a personnel office is
 * responsible for (roles.json unmasksPersonalDataOf STAFF_OF_SUBJECTS).
 */
export async function listBodiesUnder(knex: Knex, usccs: readonly string[]): Promise<string[]> {
  if (usccs.length === 0) return [];
  const { rows } = (await knex.raw(`
    WITH RECURSIVE under(uscc) AS (
      SELECT uscc FROM organisations WHERE uscc = ANY (?::text[])
      UNION
      SELECT o.uscc FROM organisations o JOIN under u ON o.parent_uscc = u.uscc
    )
    SELECT uscc FROM under ORDER BY uscc`, [[...usccs]])) as { rows: { uscc: string }[] };
  // A listed subject not (yet) in the registry still counts as itself.
  return [...new Set([...usccs, ...rows.map((r) => r.uscc)])].sort();
}
