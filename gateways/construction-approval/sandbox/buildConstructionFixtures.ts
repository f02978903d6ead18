import { toDayNumber, createRandom, SHENZHEN_DISTRICTS } from '../../../src/codes/index.js';
import { DEFAULT_AS_OF, DEFAULT_SAMPLE_SEED } from '../../../db/seed/sampleDataPlans.js';
import type { SampleDataSize } from '../../../db/seed/SampleData.js';
import { sandboxOrganisations, type SandboxOrganisation } from '../../shared/index.js';
import type { ConstructionFixtures, NativeProject } from './ConstructionFixtures.js';
import { createApprovalDepartmentFinder } from './findApprovalDepartment.js';
import { makeProject, type ProjectContext, type ProjectOverrides } from './makeProject.js';
import { groupStagesByDepart, summariseApprovals } from './summariseApprovals.js';

/** The sample enterprise whose projects README examples use (深圳市维晶科技有限公司). */
export const SAMPLE_BUILDER_USCC = '91440300MA5E9NHA04';

// Recent first projects: from this day, by this share of the enterprises that built nothing before.
const RECENT_START = '2025-05-01';
const RECENT_SHARE = 0.3;

// Government bodies that build public works themselves (代建 aside): education, health, housing…
const BUILDING_BODIES = /教育局|卫生健康|住房和建设局|区人民政府|水务局|交通运输局|城市管理/;

// The sample enterprise gets three projects: one finished with both code formats and a late stage,
// one whose first stage has been waiting past its limit, one left to chance.
const SAMPLE_PROJECTS: ProjectOverrides[] = [
  { startDay: toDayNumber('2019-06-03'), bothCodes: true, overdueStage: 2 },
  { startDay: toDayNumber('2026-09-07'), overdueStage: 1, openStage: 1 },
  {},
];

function plannedProjects(builder: SandboxOrganisation, random: ProjectContext['random']): ProjectOverrides[] {
  if (builder.uscc === SAMPLE_BUILDER_USCC) return SAMPLE_PROJECTS;
  const count = (() => {
    switch (builder.kind) {
      case 'ENTERPRISE':
        return random.chance(0.3) ? random.pick([1, 1, 1, 2, 2, 3]) : 0;
      case 'PUBLIC_INSTITUTION':
        return random.chance(0.6) ? random.int(1, 2) : 0;
      case 'GOVERNMENT_BODY':
        return BUILDING_BODIES.test(builder.name) ? random.int(1, 4) : 0;
      default:
        return 0; // individual businesses, cooperatives and social organisations rarely build
    }
  })();
  return Array.from({ length: count }, () => ({}));
}

/**
 * Builds the approval system's projects for the sample data of `size`, deterministically (same size,
 * same projects), with the indexes the endpoints use: by either project code, by project number, by
 * builder, and each department's approval statistics.
 */
export function buildConstructionFixtures(size: SampleDataSize): ConstructionFixtures {
  const organisations = sandboxOrganisations(size);
  const root = createRandom(DEFAULT_SAMPLE_SEED, 'construction-approval');
  const context: Omit<ProjectContext, 'random'> = {
    asOfDay: toDayNumber(DEFAULT_AS_OF),
    findDepartment: createApprovalDepartmentFinder(organisations),
    issuedCodes: new Set(),
    sequences: new Map(),
    districts: SHENZHEN_DISTRICTS.filter((d) => d.level === 'DISTRICT').map((d) => d.code),
  };
  const projects: NativeProject[] = [];
  const byBuilder = new Map<string, NativeProject[]>();
  const counting = root.fork('counts');
  for (const builder of organisations) {
    const plans = plannedProjects(builder, counting);
    if (plans.length === 0) continue;
    // One stream per builder for the details (forked only for builders: 116,800 forks cost a second).
    const random = root.fork(builder.uscc);
    const own = plans.map((overrides) => makeProject(builder, { ...context, random }, overrides));
    own.sort((a, b) => (b.stageList[0]?.acceptDate ?? '').localeCompare(a.stageList[0]?.acceptDate ?? ''));
    byBuilder.set(builder.uscc, own);
    projects.push(...own);
  }
  // Recent first projects: enterprises that built nothing start one since RECENT_START (a separate stream,
  // so the projects above keep their codes and numbers), so that every district's approvals show a monthly trend.
  const recent = root.fork('recent-projects');
  const recentStart = toDayNumber(RECENT_START);
  for (const builder of organisations) {
    if (builder.kind !== 'ENTERPRISE' || byBuilder.has(builder.uscc) || !recent.chance(RECENT_SHARE)) continue;
    const project = makeProject(builder, { ...context, random: recent }, { startDay: recent.dayBetween(recentStart, context.asOfDay - 10) });
    byBuilder.set(builder.uscc, [project]);
    projects.push(project);
  }
  const byCode = new Map<string, NativeProject>();
  const byPrjNum = new Map<string, NativeProject>();
  for (const project of projects) {
    byCode.set(project.prjCode, project);
    if (project.oldPrjCode) byCode.set(project.oldPrjCode, project);
    byPrjNum.set(project.prjNum, project);
  }
  const stagesByDepart = groupStagesByDepart(projects);
  const departDistrict = new Map(organisations.filter((o) => stagesByDepart.has(o.uscc)).map((o) => [o.uscc, o.districtCode]));
  return { asOf: DEFAULT_AS_OF, projects, byCode, byPrjNum, byBuilder, statsByDepart: summariseApprovals(stagesByDepart), stagesByDepart, departDistrict };
}
