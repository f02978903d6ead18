import type { Knex } from 'knex';
import { EvaluationVersionError, type NewEvaluation, type StoredEvaluation, type ThirdPartyEvaluationStore } from './ThirdPartyEvaluationStore.js';

const parsed = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);
const dateOf = (value: unknown): string => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));
const decimal = (value: unknown): string => String(value).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');

function toEvaluation(r: Record<string, unknown>): StoredEvaluation {
  return {
    id: String(r.id), evaluatorId: String(r.evaluator_id), evaluatorName: String(r.evaluator_name), bodyUscc: String(r.body_uscc), period: String(r.period),
    ruleVersion: String(r.rule_version), scores: parsed(r.scores as StoredEvaluation['scores']), overallScore: decimal(r.overall_score),
    submittedOn: dateOf(r.submitted_on), version: Number(r.version),
  };
}

/** The ThirdPartyEvaluationStore in the hub's database (third_party_evaluations). */
export class KnexThirdPartyEvaluationStore implements ThirdPartyEvaluationStore {
  private constructor(private readonly knex: Knex) {}

  /** A store over `knex` (migrated); sends nothing until used. */
  static create(knex: Knex): KnexThirdPartyEvaluationStore {
    return new KnexThirdPartyEvaluationStore(knex);
  }

  async submit(evaluation: NewEvaluation): Promise<StoredEvaluation> {
    const key = { evaluator_id: evaluation.evaluatorId, body_uscc: evaluation.bodyUscc, period: evaluation.period };
    const values = {
      evaluator_name: evaluation.evaluatorName, rule_version: evaluation.ruleVersion, scores: JSON.stringify(evaluation.scores),
      overall_score: evaluation.overallScore, submitted_on: evaluation.submittedOn,
    };
    const what = `the evaluation of ${evaluation.bodyUscc} for ${evaluation.period} by ${evaluation.evaluatorId}`;
    try {
      return await this.knex.transaction(async (trx) => {
        const current = await trx('third_party_evaluations').where(key).forUpdate().first('id', 'version');
        if (!current) {
          if (evaluation.replaces !== null) throw new EvaluationVersionError(`${what} does not exist yet; submit it without replaces`, null);
          const [row] = await trx('third_party_evaluations').insert({ ...key, ...values }).returning('*');
          return toEvaluation(row as Record<string, unknown>);
        }
        const version = Number(current.version);
        if (evaluation.replaces !== version) throw new EvaluationVersionError(`${what} is at version ${version}`, version);
        const [row] = await trx('third_party_evaluations').where({ id: current.id }).update({ ...values, version: version + 1 }).returning('*');
        return toEvaluation(row as Record<string, unknown>);
      });
    } catch (error) {
      // unique_violation: a concurrent first submission won.
      if ((error as { code?: unknown }).code === '23505') throw new EvaluationVersionError(`${what} was just submitted by a concurrent request`, 1);
      throw error;
    }
  }

  async list(filter: { bodyUscc?: string | null; period?: string | null; evaluatorId?: string | null }): Promise<StoredEvaluation[]> {
    const query = this.knex('third_party_evaluations').orderBy([{ column: 'period', order: 'desc' }, { column: 'body_uscc' }, { column: 'id' }]);
    if (filter.bodyUscc) query.where('body_uscc', filter.bodyUscc);
    if (filter.period) query.where('period', filter.period);
    if (filter.evaluatorId) query.where('evaluator_id', filter.evaluatorId);
    return (await query.select('*')).map(toEvaluation);
  }

  async organisationKind(uscc: string): Promise<string | null> {
    const row = (await this.knex('organisations').where({ uscc }).first('kind')) as { kind: string } | undefined;
    return row?.kind ?? null;
  }
}
