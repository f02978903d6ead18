import type { SandboxOrganisation } from '../../shared/index.js';

/** A government body acting on a project, as the approval system records it. */
export interface Department {
  uscc: string;
  name: string;
}

/** Who leads a stage: project approval (立项), planning and land (规划和自然资源), housing and construction. */
type Role = 'DEVELOPMENT' | 'GOVERNMENT' | 'PLANNING' | 'HOUSING';

const CITY = '440300';

const ROLE_PATTERNS: Readonly<Record<Role, { district: RegExp; city: RegExp }>> = {
  DEVELOPMENT: { district: /发展和改革局$/, city: /^深圳市发展和改革委员会$/ },
  GOVERNMENT: { district: /区人民政府$/, city: /^深圳市人民政府$/ },
  PLANNING: { district: /^深圳市规划和自然资源局.+管理局$/, city: /^深圳市规划和自然资源局$/ },
  HOUSING: { district: /区住房和建设局$/, city: /^深圳市住房和建设局$/ },
};

// Per stage, the roles to try in order at district level; the city body of the first role is the
// fallback. Project approval in a district goes to its development and reform bureau, or to the
// district government where the data set has no such bureau (the small sample data).
const STAGE_ROLES: Readonly<Record<number, Role[]>> = {
  1: ['DEVELOPMENT', 'GOVERNMENT'],
  2: ['PLANNING'],
  3: ['HOUSING'],
  4: ['HOUSING'],
};

/**
 * Prepares the lookup of the department leading each approval stage (1..4) of a project approved at
 * district level (`districtCode` of a district) or city level (`440300`), using only the government
 * bodies of the sample organisations. Throws when even the city body is missing (a broken data set).
 */
export function createApprovalDepartmentFinder(organisations: readonly SandboxOrganisation[]): (districtCode: string, stageCode: number) => Department {
  const bodies = organisations.filter((o) => o.kind === 'GOVERNMENT_BODY');
  const cache = new Map<string, Department>();
  const find = (districtCode: string, role: Role): Department | undefined => {
    const pattern = districtCode === CITY ? ROLE_PATTERNS[role].city : ROLE_PATTERNS[role].district;
    const body = bodies.find((o) => o.districtCode === districtCode && pattern.test(o.name));
    return body && { uscc: body.uscc, name: body.name };
  };
  return (districtCode, stageCode) => {
    const key = `${districtCode}/${stageCode}`;
    let department = cache.get(key);
    if (!department) {
      const roles = STAGE_ROLES[stageCode];
      if (!roles) throw new Error(`approval stage ${stageCode} does not exist; stages are 1..4`);
      const [first] = roles;
      for (const role of roles) department ??= find(districtCode, role);
      department ??= first && find(CITY, first);
      if (!department) throw new Error(`the sample organisations have no city body to lead approval stage ${stageCode}`);
      cache.set(key, department);
    }
    return department;
  };
}
