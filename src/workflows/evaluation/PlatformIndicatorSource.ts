/** A body's figures on the government service platform (好差评 and timeliness) over `window`. */
export interface ServiceFigures {
  reviews: number;
  /** Very satisfied and satisfied (非常满意, 满意). */
  goodReviews: number;
  /** Dissatisfied and very dissatisfied (不满意, 非常不满意). */
  badReviews: number;
  finishedCases: number;
  onTimeFinishedCases: number;
  /** The days the platform's figures cover (YYYY-MM-DD), as it reported them. */
  window: { from: string; to: string };
}

/** A body's figures as an approving department in construction-project approval, as of `asOf`. */
export interface ApprovalFigures {
  /** Stage applications it accepted (受理数). */
  approvalStages: number;
  /** Of those, decided late or still open past the statutory limit plus extension (超期数). */
  overdueApprovalStages: number;
  asOf: string;
}

/** What the platforms say about one government body; null where a platform has no figures for it. */
export interface PlatformFigures {
  service: ServiceFigures | null;
  approval: ApprovalFigures | null;
}

/**
 * The connected platforms' indicators of government bodies, as the evaluation needs them. The hub
 * implements it over the platform adapters (workflows may not import gateways) and injects it through
 * WorkflowDeps. `figuresOf` asks in batches; it resolves with one entry per USCC asked (null parts where a
 * platform knows nothing of the body) and rejects with a SOURCE_* GraphQLError naming the platform when one
 * cannot answer, so no evaluation is stored with holes.
 */
export interface PlatformIndicatorSource {
  figuresOf(usccs: readonly string[], period: { from: string; to: string }): Promise<Map<string, PlatformFigures>>;
}
