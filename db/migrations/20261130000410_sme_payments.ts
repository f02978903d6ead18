import type { Knex } from 'knex';

const OLD_CHECK = `kind IN ('POLICY_PROMISE', 'CONTRACT', 'PAYMENT') AND status IN ('PENDING', 'FULFILLED', 'BROKEN')
    AND (status = 'FULFILLED') = (fulfilled_on IS NOT NULL) AND due_on >= promised_on
    AND (kind <> 'PAYMENT' OR (delivered_on IS NOT NULL AND payment_term_days BETWEEN 1 AND 60))`;

/**
 * Payments owed to SMEs under the SME payment regulation (保障中小企业款项支付条例, Order 728 from 2020-09-01,
 * Order 802 from 2025-06-01): the counterparty's SME status, what the term runs from (delivery, acceptance,
 * settlement) with the acceptance and settlement dates, an agreed overdue-interest rate, and the rule
 * version applied. A payment no rule governs (not an SME, an older contract) keeps its own due date and
 * has no term. Payments recorded before keep their term, counted from delivery, with unknown SME status.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('government_commitments', (t) => {
    t.boolean('counterparty_sme').nullable();
    t.text('term_runs_from').nullable();
    t.date('accepted_on').nullable();
    t.date('settled_on').nullable();
    t.decimal('agreed_daily_interest_rate', 12, 8).nullable();
    t.text('payment_rule').nullable();
  });
  await knex('government_commitments').where({ kind: 'PAYMENT' }).update({ term_runs_from: 'DELIVERY' });
  await knex.raw('ALTER TABLE government_commitments DROP CONSTRAINT government_commitments_valid');
  await knex.raw(`ALTER TABLE government_commitments ADD CONSTRAINT government_commitments_valid CHECK (
    kind IN ('POLICY_PROMISE', 'CONTRACT', 'PAYMENT') AND status IN ('PENDING', 'FULFILLED', 'BROKEN')
    AND (status = 'FULFILLED') = (fulfilled_on IS NOT NULL) AND due_on >= promised_on
    AND (kind = 'PAYMENT' OR (counterparty_sme IS NULL AND term_runs_from IS NULL AND payment_term_days IS NULL AND payment_rule IS NULL))
    AND (term_runs_from IS NULL OR (term_runs_from IN ('DELIVERY', 'ACCEPTANCE', 'SETTLEMENT') AND payment_term_days BETWEEN 1 AND 60))
    AND (payment_rule IS NULL OR (counterparty_sme AND term_runs_from IS NOT NULL))
    AND (term_runs_from <> 'ACCEPTANCE' OR accepted_on IS NOT NULL)
    AND (term_runs_from <> 'SETTLEMENT' OR settled_on IS NOT NULL)
    AND (agreed_daily_interest_rate IS NULL OR (payment_rule IS NOT NULL AND agreed_daily_interest_rate > 0 AND agreed_daily_interest_rate < 1)))`);
}

/**
 * Restores the earlier columns and check. The check comes back NOT VALID, since payments recorded under
 * the new rules (an SME term from acceptance, a payment with no statutory term) need not satisfy it.
 */
export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE government_commitments DROP CONSTRAINT government_commitments_valid');
  await knex.schema.alterTable('government_commitments', (t) => {
    t.dropColumn('counterparty_sme');
    t.dropColumn('term_runs_from');
    t.dropColumn('accepted_on');
    t.dropColumn('settled_on');
    t.dropColumn('agreed_daily_interest_rate');
    t.dropColumn('payment_rule');
  });
  await knex.raw(`ALTER TABLE government_commitments ADD CONSTRAINT government_commitments_valid CHECK (${OLD_CHECK}) NOT VALID`);
}
