/** A party of a tender as the bidding platform names it. */
export interface SourceParty {
  uscc: string;
  name: string;
}

/** A tender (one bid section, 标段) as the bidding platform answers it, in the hub's vocabulary. */
export interface SourceTender {
  /** Bid section code (标段编号). */
  code: string;
  name: string;
  projectCode: string;
  projectName: string;
  /** OPEN_FOR_BIDS, UNDER_EVALUATION, AWARDED or FAILED. */
  status: string;
  tenderer: SourceParty;
  /** The tender agency (招标代理机构); null for a self-run tender. */
  agent: SourceParty | null;
  /**
   * The bids in the platform's order. A consortium's bidder has its leader's code and the consortium's name;
   * its members include the leader.
   */
  bids: { bidder: SourceParty; consortium: boolean; members: (SourceParty & { leader: boolean })[] }[];
}

/**
 * Where runCreditCheck reads a tender by its code: the bidding platform, injected by the hub (a workflow
 * never imports a gateway). Resolves with the tender, or null when the platform does not know the code;
 * rejects with a GraphQLError whose `extensions.code` is SOURCE_UNAVAILABLE, SOURCE_TIMEOUT or
 * SOURCE_BAD_RESPONSE when the platform cannot answer.
 */
export interface TenderSource {
  readTender(code: string): Promise<SourceTender | null>;
}
