import type { Knex } from 'knex';

/**
 * Credit checks found again and feedback corrected (issue 14).
 *
 * - `credit_checks.tender_code`: the bid section code (标段编号) when the check was run on a tender by its
 *   code (null for checks of explicit subjects); `overall_verdict`: the result's overall verdict, copied out
 *   of `result` (backfilled) so `creditChecks(filter:)` can filter on it. Indexes serve the listing, newest
 *   first: by consumer (exists), by tender, by reference, and all checks for the credit office.
 * - `credit_check_feedback`: corrections are appended, never overwritten. `supersedes` names the entry a
 *   correction replaces; an entry is superseded at most once (unique), so each subject's feedback on a check
 *   is one chain, and the first entry of a chain is unique per check and subject (partial unique index, in
 *   place of the former one-entry-per-subject constraint). The current feedback is the entry nobody supersedes.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE credit_checks ADD COLUMN tender_code text NULL, ADD COLUMN overall_verdict text NULL');
  await knex.raw("UPDATE credit_checks SET overall_verdict = result->>'overallVerdict'");
  await knex.raw(`ALTER TABLE credit_checks ALTER COLUMN overall_verdict SET NOT NULL,
    ADD CONSTRAINT credit_checks_overall_verdict CHECK (overall_verdict IN ('PASS', 'REVIEW', 'REJECT'))`);
  await knex.raw('CREATE INDEX credit_checks_tender_idx ON credit_checks (tender_code, issued_at DESC) WHERE tender_code IS NOT NULL');
  await knex.raw('CREATE INDEX credit_checks_reference_idx ON credit_checks (reference, issued_at DESC)');
  await knex.raw('CREATE INDEX credit_checks_issued_idx ON credit_checks (issued_at DESC, id DESC)');

  await knex.raw('ALTER TABLE credit_check_feedback DROP CONSTRAINT credit_check_feedback_once');
  await knex.raw('ALTER TABLE credit_check_feedback ADD COLUMN supersedes bigint NULL REFERENCES credit_check_feedback (id)');
  await knex.raw('CREATE UNIQUE INDEX credit_check_feedback_supersedes_once ON credit_check_feedback (supersedes) WHERE supersedes IS NOT NULL');
  await knex.raw('CREATE UNIQUE INDEX credit_check_feedback_first_once ON credit_check_feedback (check_id, subject_uscc) WHERE supersedes IS NULL');
}

/** Back to one feedback entry per subject and check: every correction is deleted, the first entries stay. */
export async function down(knex: Knex): Promise<void> {
  await knex.raw('DELETE FROM credit_check_feedback WHERE supersedes IS NOT NULL');
  await knex.raw('DROP INDEX credit_check_feedback_first_once');
  await knex.raw('DROP INDEX credit_check_feedback_supersedes_once');
  await knex.raw('ALTER TABLE credit_check_feedback DROP COLUMN supersedes');
  await knex.raw('ALTER TABLE credit_check_feedback ADD CONSTRAINT credit_check_feedback_once UNIQUE (check_id, subject_uscc)');
  await knex.raw('DROP INDEX credit_checks_issued_idx');
  await knex.raw('DROP INDEX credit_checks_reference_idx');
  await knex.raw('DROP INDEX credit_checks_tender_idx');
  await knex.raw('ALTER TABLE credit_checks DROP CONSTRAINT credit_checks_overall_verdict');
  await knex.raw('ALTER TABLE credit_checks DROP COLUMN overall_verdict, DROP COLUMN tender_code');
}
