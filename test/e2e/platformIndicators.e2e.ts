import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { startTestHub, type TestHub } from '../support/startTestHub.js';

// Dashboards read the platforms' indicators with periods over the hub as the public does (every field here
// is OPEN): a period equals the sum of its months, a district the sum of its bodies, and a project listing
// pages through every matching project once.

const FROM = '2025-11-01';
const TO = '2026-10-31';
const DISTRICT = '440305'; // 南山区

const SERVICE_FIGURES = 'casesHandled finishedCases overdueCases reviewCount badReviewCount overdueRectifications reviewsByLevel { count } rectificationsByStatus { count }';
const APPROVAL_FIGURES = 'approvalsHandled approvalsFinished approvalsInProgress overdueApprovals';

type Figures = Record<string, number | { count: number }[] | string>;

/** The countable figures of an answer, lists of counts flattened, so that figures can be added up. */
function counts(f: Figures | null | undefined): number[] {
  if (!f) return [];
  return Object.entries(f)
    .filter(([name]) => name !== 'periodStart' && name !== 'periodEnd')
    .flatMap(([, v]) => (Array.isArray(v) ? v.map((c) => c.count) : [v as number]));
}

/** Adds figure vectors; an absent one (a body without statistics) adds nothing. */
function add(vectors: number[][], width: number): number[] {
  return vectors.reduce((sum, v) => (v.length === 0 ? sum : sum.map((x, i) => x + (v[i] ?? 0))), new Array<number>(width).fill(0));
}

describe.each(TEST_DATABASES)('service and approval indicators on $name', (database) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(database);
  });
  afterAll(async () => hub?.close());

  it('gives a district period summary equal to the sum of its monthly series, on both platforms, with real figures', async () => {
    const { body } = await hub.query<{ s: { summary: Figures; monthly: Figures[] }[]; a: { summary: Figures; monthly: Figures[] }[] }>(`{
      s: districtServiceReviews(districts: ["${DISTRICT}", "440300"], from: "${FROM}", to: "${TO}") { summary { ${SERVICE_FIGURES} } monthly { ${SERVICE_FIGURES} } }
      a: districtApprovalPerformance(districts: ["${DISTRICT}", "440300"], from: "${FROM}", to: "${TO}") { summary { ${APPROVAL_FIGURES} } monthly { ${APPROVAL_FIGURES} } }
    }`);
    expect(body.errors).toBeUndefined();
    for (const row of [...body.data!.s, ...body.data!.a]) {
      const total = counts(row.summary);
      expect(row.monthly).toHaveLength(12);
      expect(add(row.monthly.map(counts), total.length)).toEqual(total);
      expect(total[0]).toBeGreaterThan(0);
      // Activity in most months, not one heap.
      expect(row.monthly.filter((m) => counts(m)[0]! > 0).length).toBeGreaterThanOrEqual(6);
    }
  });

  it("gives a body's period summary equal to the sum of its series", async () => {
    const { body } = await hub.query<{ subject: Record<string, Figures | Figures[]> }>(`{
      subject(uscc: "11440305003219403F") {
        ... on GovernmentBody {
          serviceReviewSummary(from: "${FROM}", to: "${TO}") { ${SERVICE_FIGURES} }
          serviceReviewSeries(from: "${FROM}", to: "${TO}") { ${SERVICE_FIGURES} }
          approvalPerformance(from: "${FROM}", to: "${TO}") { ${APPROVAL_FIGURES} }
          approvalPerformanceSeries(from: "${FROM}", to: "${TO}") { ${APPROVAL_FIGURES} }
        }
      }
    }`);
    expect(body.errors).toBeUndefined();
    const s = body.data!.subject;
    for (const [summary, series] of [['serviceReviewSummary', 'serviceReviewSeries'], ['approvalPerformance', 'approvalPerformanceSeries']] as const) {
      const total = counts(s[summary] as Figures);
      expect(total[0]).toBeGreaterThan(0);
      expect(add((s[series] as Figures[]).map(counts), total.length)).toEqual(total);
    }
  });

  it("gives a district rollup equal to the sum over the district's government bodies", async () => {
    const rows = (await hub.hub.knex('organisations').select('uscc').where({ kind: 'GOVERNMENT_BODY', district_code: DISTRICT }).orderBy('uscc')) as { uscc: string }[];
    expect(rows.length).toBeGreaterThan(5);
    for (const sandbox of Object.values(hub.hub.sandboxes)) sandbox.resetStats();
    const { body } = await hub.query<{
      subjects: { serviceReviewSummary: Figures | null; approvalPerformance: Figures }[];
      s: { departmentCount: number; summary: Figures }[];
      a: { summary: Figures }[];
    }>(
      `query ($usccs: [USCC!]!) {
        subjects(usccs: $usccs) {
          ... on GovernmentBody {
            serviceReviewSummary(from: "${FROM}", to: "${TO}") { ${SERVICE_FIGURES} }
            approvalPerformance(from: "${FROM}", to: "${TO}") { ${APPROVAL_FIGURES} }
          }
        }
        s: districtServiceReviews(districts: ["${DISTRICT}"], from: "${FROM}", to: "${TO}") { departmentCount summary { ${SERVICE_FIGURES} } }
        a: districtApprovalPerformance(districts: ["${DISTRICT}"], from: "${FROM}", to: "${TO}") { summary { ${APPROVAL_FIGURES} } }
      }`,
      { usccs: rows.map((r) => r.uscc) },
    );
    expect(body.errors).toBeUndefined();
    const { subjects, s, a } = body.data!;
    const service = counts(s[0]!.summary);
    expect(add(subjects.map((b) => counts(b.serviceReviewSummary)), service.length)).toEqual(service);
    // The platform's departments of the district are the bodies it has statistics for.
    expect(s[0]!.departmentCount).toBe(subjects.filter((b) => b.serviceReviewSummary !== null).length);
    const approvals = counts(a[0]!.summary);
    expect(add(subjects.map((b) => counts(b.approvalPerformance)), approvals.length)).toEqual(approvals);
    // Per platform: one call for all the bodies' summaries, one for the district rollup — not one per body or district.
    expect(hub.hub.sandboxes.GOV_SERVICE!.stats().byRoute).toEqual({ 'departments/evaluationStats:batchQuery': 1, 'areas/evaluationStats:batchQuery': 1 });
    expect(hub.hub.sandboxes.CONSTRUCTION_APPROVAL!.stats().byRoute).toEqual({ 'departs/approvalStats:batchQuery': 1, 'regions/approvalStats:batchQuery': 1 });
  });

  it("pages through constructionProjects visiting every matching project once, as many as the system's own count", async () => {
    const filter = { districts: ['440305', '440306'], statuses: ['AWAITING_APPLICATION', 'COMPLETED'] };
    type Page = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { code: string; districtCode: string; status: string } }[] };
    const seen: { code: string; districtCode: string; status: string }[] = [];
    let after: string | null = null;
    let totalCount = -1;
    for (let page = 0; page < 50; page++) {
      const { body }: { body: { data?: { constructionProjects: Page } | null; errors?: unknown[] } } = await hub.query<{ constructionProjects: Page }>(
        `query ($filter: ConstructionProjectFilter, $after: String) {
          constructionProjects(filter: $filter, first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { code districtCode status } } }
        }`,
        { filter, after },
      );
      expect(body.errors).toBeUndefined();
      const connection: Page = body.data!.constructionProjects;
      totalCount = connection.totalCount;
      seen.push(...connection.edges.map((e) => e.node));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    const sandbox = hub.hub.sandboxes.CONSTRUCTION_APPROVAL!;
    const own = (await (
      await fetch(`${sandbox.url}/api/v1/projects?districtCodes=440305,440306&prjStatus=2,3&pageSize=1`, { headers: { authorization: `Bearer ${sandbox.token}` } })
    ).json()) as { data: { total: number } };
    expect(own.data.total).toBeGreaterThan(7);
    expect(seen).toHaveLength(own.data.total);
    expect(totalCount).toBe(own.data.total);
    expect(new Set(seen.map((p) => p.code)).size).toBe(seen.length);
    expect(seen.every((p) => filter.districts.includes(p.districtCode) && filter.statuses.includes(p.status))).toBe(true);
  });

  it('lists only late projects with overdue: true', async () => {
    const { body } = await hub.query<{ constructionProjects: { totalCount: number; edges: { node: { overdueStageCount: number } }[] } }>(
      `{ constructionProjects(filter: { overdue: true }, first: 100) { totalCount edges { node { overdueStageCount } } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.constructionProjects.totalCount).toBeGreaterThan(0);
    expect(body.data!.constructionProjects.edges.every((e) => e.node.overdueStageCount > 0)).toBe(true);
  });

  it.each([
    ['an unknown district in a filter', `{ constructionProjects(filter: { districts: ["440305", "440399"] }) { totalCount } }`, undefined, 'filter.districts[1]', 'constructionProjects'],
    ['from after to', `{ districtServiceReviews(districts: ["440305"], from: "2026-10-01", to: "2026-01-01") { districtCode } }`, undefined, 'from', 'districtServiceReviews'],
    ['a period too long', `{ districtApprovalPerformance(districts: ["440305"], from: "2020-01-01", to: "2026-01-01") { districtCode } }`, undefined, 'to', 'districtApprovalPerformance'],
    ['a bad cursor', `{ constructionProjects(after: "not-a-cursor") { totalCount } }`, undefined, 'after', 'constructionProjects'],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_case, query, variables, argumentName, field) => {
    const { body } = await hub.query(query, variables);
    expect(body.data).toEqual({ [field]: null });
    expect(body.errors).toEqual([
      expect.objectContaining({ path: [field], message: expect.stringMatching(new RegExp(`^Argument "${argumentName.replace(/[[\]]/g, '\\$&')}": `)), extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argumentName }) }),
    ]);
  });

  it('refuses an unknown status with BAD_USER_INPUT naming the filter entry and the statuses there are', async () => {
    const { body } = await hub.query(`query ($filter: ConstructionProjectFilter) { constructionProjects(filter: $filter) { totalCount } }`, { filter: { statuses: ['COMPLETED', 'BUILT'] } });
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([expect.objectContaining({ message: expect.stringContaining('filter.statuses[1]'), extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
  });
});
