import type { SourceTender } from './TenderSource.js';

/** One party of a tender to check, with its part in it. */
export interface TenderParty {
  uscc: string;
  /** The name the platform gives; the hub's own name wins when it knows the subject. */
  name: string;
  role: 'TENDERER' | 'TENDER_AGENT' | 'SUPPLIER' | 'CONSORTIUM_LEADER' | 'CONSORTIUM_MEMBER';
  consortium: string | null;
}

/**
 * Every party of a tender a check covers, in this order: the tenderer (招标人), the tender agent (招标代理机构)
 * if any, then each bid — a bidder alone as SUPPLIER; a consortium (联合体) as its leader (CONSORTIUM_LEADER)
 * and each other member (CONSORTIUM_MEMBER), all named by the consortium's name (the bid's bidder name). A USCC appearing
 * twice (e.g. a member of two consortia, which makes both bids void: 招标投标法实施条例 art. 37) is listed at
 * every appearance, so the tenderer sees it.
 */
export function toTenderParties(tender: SourceTender): TenderParty[] {
  const parties: TenderParty[] = [{ ...tender.tenderer, role: 'TENDERER', consortium: null }];
  if (tender.agent) parties.push({ ...tender.agent, role: 'TENDER_AGENT', consortium: null });
  for (const bid of tender.bids) {
    if (!bid.consortium) {
      parties.push({ ...bid.bidder, role: 'SUPPLIER', consortium: null });
      continue;
    }
    // The platform names a consortium's bid after the consortium, under its leader's code.
    const consortium = bid.bidder.name;
    const leader = bid.members.find((m) => m.leader) ?? { ...bid.bidder, leader: true };
    parties.push({ uscc: leader.uscc, name: leader.name, role: 'CONSORTIUM_LEADER', consortium });
    for (const member of bid.members) {
      if (member.uscc !== leader.uscc) parties.push({ uscc: member.uscc, name: member.name, role: 'CONSORTIUM_MEMBER', consortium });
    }
  }
  return parties;
}
