import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourcePlatform } from '../../gateways/shared/index.js';
import { TEST_DATABASES } from '../support/databases.js';
import { asConsumer, createTestConsumers } from '../support/createTestConsumers.js';
import { insertTestRecord } from '../support/insertTestRecord.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

// What clients are told when a platform fails (src/hub/formatError.ts): fixed words; the cause is logged.
const SOURCE_MESSAGES: Record<string, string> = {
  SOURCE_UNAVAILABLE: 'the platform is unavailable; the fields it serves are null — try again later',
  SOURCE_TIMEOUT: 'the platform did not answer in time; the fields it serves are null — try again later',
  SOURCE_BAD_RESPONSE: 'the platform answered something that is not its API; the fields it serves are null — the hub has logged the details',
};

const ENTERPRISE = '91440300MA5E9NHA04';
const NANSHAN = '11440305003219403F';
// Short limits so the fault scenarios finish quickly; one retry still shows that retries are bounded.
const FAST_PLATFORMS = Object.fromEntries(
  ['GOV_SERVICE', 'CONSTRUCTION', 'BIDDING'].flatMap((p) => [[`${p}_TIMEOUT_MS`, '800'], [`${p}_RETRIES`, '1']]),
);

const ENTERPRISE_QUERY = `query ($uscc: USCC!) {
  subject(uscc: $uscc) {
    uscc name
    creditRecords(first: 3) { totalCount }
    ... on Enterprise {
      bids(first: 100) { totalCount edges { node { tenderCode role won provenance { platform recordId fetchedAt } } } }
      awards(first: 100) { totalCount edges { node { tenderCode winner { uscc } provenance { platform } } } }
      constructionProjects { totalCount edges { node { code name builder { uscc name } provenance { platform recordId } } } }
      serviceCases { totalCount edges { node { caseNumber handlingDepartment { name } provenance { platform recordId } } } }
    }
  }
}`;

const BODY_QUERY = `query ($uscc: USCC!) {
  subject(uscc: $uscc) {
    uscc name
    creditRecords(first: 3) { totalCount }
    ... on GovernmentBody {
      serviceReviewSummary { casesHandled reviewsByLevel { count } provenance { platform } }
      approvalPerformance { approvalsHandled overdueApprovals provenance { platform } }
      tenders { totalCount edges { node { code tenderer { uscc } bids { bidder { name } } provenance { platform } } } }
    }
  }
}`;

// Every platform field of every subject, plus one link back to the credit store per platform.
const MANY_QUERY = `query ($usccs: [USCC!]!) {
  subjects(usccs: $usccs) {
    uscc
    creditRecords(first: 2) { totalCount }
    ... on Enterprise {
      bids { edges { node { tenderCode tenderer { name } } } }
      awards { edges { node { tenderCode } } }
      constructionProjects { edges { node { code builder { name } } } }
      serviceCases { edges { node { caseNumber handlingDepartment { name } } } }
    }
    ... on GovernmentBody {
      serviceReviewSummary { casesHandled }
      approvalPerformance { approvalsHandled }
      tenders { edges { node { code tenderer { name } } } }
    }
  }
}`;

/** The items of a connection in the answer. */
const nodes = <T>(connection: unknown): T[] => (connection as { edges: { node: T }[] }).edges.map((e) => e.node);

interface Subject {
  uscc: string;
  name: string;
  creditRecords: { totalCount: number };
  [field: string]: unknown;
}

function requestCounts(hub: TestHub): Record<SourcePlatform, number> {
  const sandboxes = hub.hub.sandboxes;
  return { GOV_SERVICE: sandboxes.GOV_SERVICE!.stats().requests, CONSTRUCTION_APPROVAL: sandboxes.CONSTRUCTION_APPROVAL!.stats().requests, BIDDING: sandboxes.BIDDING!.stats().requests };
}

function resetCounts(hub: TestHub): void {
  for (const sandbox of Object.values(hub.hub.sandboxes)) sandbox.resetStats();
}

describe.each(TEST_DATABASES)('four sources in one graph on $name', (database) => {
  let hub: TestHub;
  let headers: Record<string, string>;
  beforeAll(async () => {
    hub = await startTestHub(database, FAST_PLATFORMS);
    // Service cases are conditional data: these scenarios call as the bidding system with its purpose.
    headers = asConsumer((await createTestConsumers(hub.hub.knex)).bidding, 'BIDDING');
    // The government body's own credit record: listed as a judgment defaulter for construction payments it has not
    // made (政府拖欠工程款), a listing without a term that runs until the court deletes it.
    await insertTestRecord(hub.hub.knex, {
      kind: 'JUDGMENT_DEFAULTER', subjectUscc: NANSHAN, decisionDate: '2026-06-15', severity: 'GENERAL',
      title: '深圳市南山区人民政府被纳入失信被执行人名单', legalBasis: '《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条',
      details: { obligation: '支付工程款3260000元', performance: 'NONE', dishonestConduct: 'HAS_ABILITY_BUT_REFUSES', publishedOn: '2026-06-15', listingTermEnd: null },
      publicity: { conduct: 'HAS_ABILITY_BUT_REFUSES' },
    });
  });
  afterAll(async () => hub?.close());

  it('answers one query for an enterprise with its credit records, bids, awards, construction projects and service cases', async () => {
    const asked = Date.now();
    const { body } = await hub.query<{ subject: Subject }>(ENTERPRISE_QUERY, { uscc: ENTERPRISE }, headers);
    const answered = Date.now();
    expect(body.errors).toBeUndefined();
    const subject = body.data!.subject;
    expect(subject.creditRecords.totalCount).toBeGreaterThan(0);
    const bids = nodes<{ role: string; provenance: { platform: string; recordId: string; fetchedAt: string } }>(subject.bids);
    expect(bids.length).toBeGreaterThan(0);
    expect(bids.some((b) => b.role !== 'SOLE_BIDDER')).toBe(true);
    expect(bids[0]!.provenance.platform).toBe('BIDDING');
    // Fetched from the platform for this query: no duration assumed, only the order of the three moments.
    expect(Date.parse(bids[0]!.provenance.fetchedAt)).toBeGreaterThanOrEqual(asked - 1);
    expect(Date.parse(bids[0]!.provenance.fetchedAt)).toBeLessThanOrEqual(answered);
    expect(nodes<{ winner: { uscc: string } | null }>(subject.awards).length).toBeGreaterThan(0);
    const projects = nodes<{ builder: { uscc: string; name: string }; provenance: { platform: string } }>(subject.constructionProjects);
    expect(projects.length).toBeGreaterThan(0);
    // The builder link comes back from the credit store with the store's name for the enterprise.
    expect(projects[0]!.builder).toEqual({ uscc: ENTERPRISE, name: subject.name });
    expect(projects[0]!.provenance.platform).toBe('CONSTRUCTION_APPROVAL');
    const cases = nodes<{ handlingDepartment: { name: string } | null; provenance: { platform: string } }>(subject.serviceCases);
    expect((subject.serviceCases as { totalCount: number }).totalCount).toBeGreaterThanOrEqual(cases.length);
    expect(cases.length).toBeGreaterThan(0);
    expect(cases[0]!.provenance.platform).toBe('GOV_SERVICE');
    expect(cases.every((c) => c.handlingDepartment?.name)).toBe(true);
  });

  it('answers one query for a government body with its records, review summary, approval performance and tenders', async () => {
    const { body } = await hub.query<{ subject: Subject }>(BODY_QUERY, { uscc: NANSHAN }, headers);
    expect(body.errors).toBeUndefined();
    const subject = body.data!.subject;
    expect(subject.name).toBe('深圳市南山区人民政府');
    expect(subject.creditRecords.totalCount).toBeGreaterThan(0);
    const summary = subject.serviceReviewSummary as { casesHandled: number; reviewsByLevel: unknown[]; provenance: { platform: string } };
    expect(summary.casesHandled).toBeGreaterThan(0);
    expect(summary.reviewsByLevel).toHaveLength(5);
    expect((subject.approvalPerformance as { approvalsHandled: number }).approvalsHandled).toBeGreaterThan(0);
    const tenders = nodes<{ tenderer: { uscc: string } }>(subject.tenders);
    expect(tenders.length).toBeGreaterThan(0);
    expect(tenders.every((t) => t.tenderer.uscc === NANSHAN)).toBe(true);
  });

  it('makes as many calls to each platform for 100 subjects as for 10', async () => {
    const rows = (await hub.hub.knex('organisations').select('uscc').whereIn('kind', ['ENTERPRISE', 'GOVERNMENT_BODY']).orderByRaw('md5(uscc)').limit(100)) as { uscc: string }[];
    const usccs = rows.map((r) => r.uscc);
    const counts: Record<SourcePlatform, number>[] = [];
    for (const batch of [usccs.slice(0, 10), usccs]) {
      resetCounts(hub);
      const { body } = await hub.query<{ subjects: Subject[] }>(MANY_QUERY, { usccs: batch }, headers);
      expect(body.errors).toBeUndefined();
      expect(body.data!.subjects.map((s) => s.uscc)).toEqual(batch);
      counts.push(requestCounts(hub));
    }
    expect(counts[1]).toEqual(counts[0]);
    // Per platform: one call for the subjects' own fields, one per level of links into its objects at most.
    for (const n of Object.values(counts[1]!)) expect(n).toBeLessThanOrEqual(2);
  });
});

describe('partial failure of one platform', () => {
  let hub: TestHub;
  let headers: Record<string, string>;
  beforeAll(async () => {
    hub = await startTestHub(TEST_DATABASES[0]!, FAST_PLATFORMS);
    headers = asConsumer((await createTestConsumers(hub.hub.knex)).bidding, 'BIDDING');
    // The government body's own credit record: listed as a judgment defaulter for construction payments it has not
    // made (政府拖欠工程款), a listing without a term that runs until the court deletes it.
    await insertTestRecord(hub.hub.knex, {
      kind: 'JUDGMENT_DEFAULTER', subjectUscc: NANSHAN, decisionDate: '2026-06-15', severity: 'GENERAL',
      title: '深圳市南山区人民政府被纳入失信被执行人名单', legalBasis: '《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条',
      details: { obligation: '支付工程款3260000元', performance: 'NONE', dishonestConduct: 'HAS_ABILITY_BUT_REFUSES', publishedOn: '2026-06-15', listingTermEnd: null },
      publicity: { conduct: 'HAS_ABILITY_BUT_REFUSES' },
    });
  });
  afterAll(async () => hub?.close());

  it.each([
    ['BIDDING', { status: 503 }, 'SOURCE_UNAVAILABLE'],
    ['BIDDING', { hang: true }, 'SOURCE_TIMEOUT'],
    ['BIDDING', { malformed: true }, 'SOURCE_BAD_RESPONSE'],
    ['BIDDING', { wrongShape: true }, 'SOURCE_BAD_RESPONSE'],
    ['CONSTRUCTION_APPROVAL', { status: 500 }, 'SOURCE_UNAVAILABLE'],
    ['GOV_SERVICE', { hang: true }, 'SOURCE_TIMEOUT'],
  ] as const)('%s answering %j: its fields are null with %s at their paths and a fixed message that quotes nothing the platform sent, the rest is intact', async (platform, fault, code) => {
    const fields = { BIDDING: ['bids', 'awards'], CONSTRUCTION_APPROVAL: ['constructionProjects'], GOV_SERVICE: ['serviceCases'] }[platform];
    hub.hub.sandboxes[platform]!.setFault(fault);
    try {
      const { status, body } = await hub.query<{ subject: Subject }>(ENTERPRISE_QUERY, { uscc: ENTERPRISE }, headers);
      expect(status).toBe(200);
      const subject = body.data!.subject;
      for (const field of fields) expect(subject[field]).toBeNull();
      expect(body.errors!.map((e) => e.path).sort()).toEqual(fields.map((f) => ['subject', f]).sort());
      for (const error of body.errors!) {
        expect({ message: error.message, extensions: error.extensions }).toEqual({ message: `${platform}: ${SOURCE_MESSAGES[code]}`, extensions: { code, platform } });
      }
      expect(subject.creditRecords.totalCount).toBeGreaterThan(0);
      const others = ['bids', 'awards', 'constructionProjects', 'serviceCases'].filter((f) => !fields.includes(f));
      for (const field of others) expect(subject[field]).toMatchObject({ totalCount: expect.any(Number), edges: expect.any(Array) });
    } finally {
      hub.hub.sandboxes[platform]!.clearFault();
    }
  });

  it('puts the error of one subject in a list at that subject’s index', async () => {
    hub.hub.sandboxes.GOV_SERVICE!.setFault({ status: 503 });
    try {
      const { body } = await hub.query<{ subjects: Subject[] }>(
        '{ subjects(usccs: ["11440305003219403F", "91440300MA5E9NHA04"]) { name ... on Enterprise { serviceCases { totalCount } bids { totalCount } } } }',
        undefined,
        headers,
      );
      expect(body.errors!.map((e) => e.path)).toEqual([['subjects', 1, 'serviceCases']]);
      expect(body.data!.subjects[1]!.bids).not.toBeNull();
    } finally {
      hub.hub.sandboxes.GOV_SERVICE!.clearFault();
    }
  });

  it('keeps answering from the other sources, and stays ready, when a platform stops', async () => {
    await hub.hub.sandboxes.CONSTRUCTION_APPROVAL!.stop();
    const { body } = await hub.query<{ subject: Subject }>(ENTERPRISE_QUERY, { uscc: ENTERPRISE }, headers);
    expect(body.data!.subject.constructionProjects).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]).toMatchObject({ path: ['subject', 'constructionProjects'], extensions: { code: 'SOURCE_UNAVAILABLE', platform: 'CONSTRUCTION_APPROVAL' } });
    expect(body.errors![0]!.message).toBe(`CONSTRUCTION_APPROVAL: ${SOURCE_MESSAGES.SOURCE_UNAVAILABLE}`);
    expect(nodes(body.data!.subject.bids).length).toBeGreaterThan(0);
    expect(nodes(body.data!.subject.serviceCases).length).toBeGreaterThan(0);
    const ready = await fetch(`${hub.hub.url}/readyz`);
    expect(ready.status).toBe(200);
    // A root field of the stopped platform fails alone too.
    const project = await hub.query('{ constructionProject(code: "2104-440304-04-03-685863") { name } districts { code } }');
    expect(project.body.data).toMatchObject({ constructionProject: null });
    expect((project.body.data as { districts: unknown[] }).districts.length).toBeGreaterThan(0);
    expect(project.body.errors![0]).toMatchObject({ path: ['constructionProject'], extensions: { code: 'SOURCE_UNAVAILABLE' } });
  });
});

describe('a platform switched off by configuration', () => {
  let hub: TestHub;
  let headers: Record<string, string>;
  beforeAll(async () => {
    hub = await startTestHub(TEST_DATABASES[0]!, { BIDDING_ENABLED: 'false' });
    headers = asConsumer((await createTestConsumers(hub.hub.knex)).bidding, 'BIDDING');
    // The government body's own credit record: listed as a judgment defaulter for construction payments it has not
    // made (政府拖欠工程款), a listing without a term that runs until the court deletes it.
    await insertTestRecord(hub.hub.knex, {
      kind: 'JUDGMENT_DEFAULTER', subjectUscc: NANSHAN, decisionDate: '2026-06-15', severity: 'GENERAL',
      title: '深圳市南山区人民政府被纳入失信被执行人名单', legalBasis: '《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条',
      details: { obligation: '支付工程款3260000元', performance: 'NONE', dishonestConduct: 'HAS_ABILITY_BUT_REFUSES', publishedOn: '2026-06-15', listingTermEnd: null },
      publicity: { conduct: 'HAS_ABILITY_BUT_REFUSES' },
    });
  });
  afterAll(async () => hub?.close());

  it('starts no sandbox for it and answers its fields with SOURCE_UNAVAILABLE naming the platform (the switch is in the log)', async () => {
    expect(hub.hub.sandboxes.BIDDING).toBeUndefined();
    const { body } = await hub.query<{ subject: Subject }>(ENTERPRISE_QUERY, { uscc: ENTERPRISE }, headers);
    expect(body.data!.subject.bids).toBeNull();
    expect(body.errors![0]!.extensions).toEqual({ code: 'SOURCE_UNAVAILABLE', platform: 'BIDDING' });
    expect(nodes(body.data!.subject.constructionProjects).length).toBeGreaterThan(0);
  });
});
