// Measures the longest list behind each platform and sample-data list field, for src/governance/limits/listSizes.json:
//   npx tsx test/bench/measureListSizes.ts [small|large]
import { generateSampleData } from '../../db/seed/generateSampleData.js';
import { buildBiddingFixtures } from '../../gateways/bidding/sandbox/buildBiddingFixtures.js';
import { buildConstructionFixtures } from '../../gateways/construction-approval/sandbox/buildConstructionFixtures.js';

const size = process.argv[2] === 'small' ? 'small' : 'large';
const longest = (lengths: Iterable<number>): number => Math.max(0, ...lengths);

const bidding = buildBiddingFixtures(size);
const construction = buildConstructionFixtures(size);
const children = new Map<string, number>();
for (const chunk of generateSampleData(size).organisations) {
  for (const organisation of chunk) if (organisation.parentUscc) children.set(organisation.parentUscc, (children.get(organisation.parentUscc) ?? 0) + 1);
}
console.log(JSON.stringify({
  size,
  // Enterprise.bids, Enterprise.awards, GovernmentBody.tenders and Enterprise.constructionProjects are paged
  // (sized by `first`), so only the lists below are measured.
  'Enterprise.tenders': longest([...bidding.sectionsByTenderer.values()].map((l) => l.length)),
  'Tender.bids': longest(bidding.sections.map((s) => s.bidList.length)),
  'TenderBid.consortiumMembers': longest(bidding.sections.flatMap((s) => s.bidList.map((b) => b.unionMembers.length))),
  'GovernmentBody.constructionProjects': longest([...construction.byBuilder.values()].map((l) => l.length)),
  'ConstructionProject.stages': longest(construction.projects.map((p) => p.stageList.length)),
  'GovernmentBody.departments': longest(children.values()),
}, null, 2));
