/** One indicator's score with its evidence. */
export interface IndicatorScore {
  indicator: string;
  /** 0 to 100, at most two decimals, as a decimal string. */
  score: string;
  evidence: string;
}

/** A stored evaluation (third_party_evaluations). */
export interface StoredEvaluation {
  id: string;
  evaluatorId: string;
  evaluatorName: string;
  bodyUscc: string;
  period: string;
  ruleVersion: string;
  scores: IndicatorScore[];
  overallScore: string;
  submittedOn: string;
  version: number;
}

/** An evaluation to store; `version` names the stored one it replaces (null: the first for evaluator, body and period). */
export type NewEvaluation = Omit<StoredEvaluation, 'id' | 'version'> & { replaces: number | null };

/** Thrown when a submission would not continue the stored one: a first one when there is one, or a stale version. */
export class EvaluationVersionError extends Error {
  override name = 'EvaluationVersionError';
  constructor(message: string, readonly currentVersion: number | null) {
    super(message);
  }
}

/** Third-party evaluations (KnexThirdPartyEvaluationStore). */
export interface ThirdPartyEvaluationStore {
  /** Stores the first evaluation or replaces the stored one of the same version (locked); EvaluationVersionError otherwise. */
  submit(evaluation: NewEvaluation): Promise<StoredEvaluation>;
  /** Evaluations, newest period first: of one body and/or period and/or evaluator. */
  list(filter: { bodyUscc?: string | null; period?: string | null; evaluatorId?: string | null }): Promise<StoredEvaluation[]>;
  /** The kind of an organisation the hub knows, or null. */
  organisationKind(uscc: string): Promise<string | null>;
}
