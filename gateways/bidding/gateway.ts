import { defineGateway, type SubjectLink } from '../shared/index.js';
import { createBiddingClient } from './client.js';
import { createBiddingLoaders } from './loaders.js';
import { createBiddingResolvers } from './resolvers.js';
import { startBiddingSandbox } from './sandbox/startBiddingSandbox.js';

const link = (typeName: string, fieldName: string, usccField: string, description: string): SubjectLink => ({ typeName, fieldName, usccField, description });

/** The parties the bidding platform names by USCC, linked by the hub to the credit store's subjects. */
const subjectLinks: SubjectLink[] = [
  link('Tender', 'tenderer', 'tendererUscc', 'The tenderer (招标人) as the credit store knows it, with its credit records; null when the store does not know the USCC.'),
  link('Tender', 'agent', 'agentUscc', 'The tender agency (招标代理机构) as the credit store knows it; null for self-run tenders or when the store does not know the USCC.'),
  link('TenderBid', 'bidder', 'bidderUscc', 'The bidder (投标人; for a consortium its leader) as the credit store knows it, with its credit records.'),
  link('ConsortiumMember', 'member', 'memberUscc', 'The consortium member (联合体成员) as the credit store knows it: each member is checked before award.'),
  link('TenderAward', 'winner', 'winnerUscc', 'The winning bidder (中标人; for a consortium its leader) as the credit store knows it, with its credit records.'),
  link('Bid', 'tenderer', 'tendererUscc', 'The tenderer (招标人) of the tender as the credit store knows it.'),
  link('Bid', 'consortiumLeader', 'consortiumLeaderUscc', 'The consortium leader (联合体牵头人) as the credit store knows it; null for a bid made alone.'),
  link('Award', 'tenderer', 'tendererUscc', 'The tenderer (招标人) of the tender as the credit store knows it.'),
  link('Award', 'winner', 'winnerUscc', 'The winning bidder (中标人; for a consortium its leader) as the credit store knows it.'),
];

/**
 * The public bidding platform (招标投标公共服务平台) as the hub connects it: `tender(code:)`, and
 * Enterprise (bids, awards, tenders) and GovernmentBody (tenders) merged by USCC through the hidden
 * batch fields `_biddingEnterprisesByUscc` and `_biddingGovernmentBodiesByUscc`.
 */
export const biddingGateway = defineGateway({
  platform: 'BIDDING',
  sdl: 'bidding.graphql',
  mergeByUscc: { Enterprise: '_biddingEnterprisesByUscc', GovernmentBody: '_biddingGovernmentBodiesByUscc' },
  createClient: (settings) => createBiddingClient(settings),
  createLoaders: createBiddingLoaders,
  createResolvers: createBiddingResolvers,
  startSandbox: startBiddingSandbox,
  subjectLinks,
});
