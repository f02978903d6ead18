import { generateSampleData } from '../../../db/seed/generateSampleData.js';
import type { SampleDataSize } from '../../../db/seed/SampleData.js';
import { subjectKindOf, type SubjectKind } from '../../../src/codes/index.js';

/** An organisation as the sandboxes know it: the same USCC, name and district as the credit store's sample data. */
export interface SandboxOrganisation {
  uscc: string;
  name: string;
  districtCode: string;
  kind: SubjectKind;
  parentUscc: string | null;
}

const cache = new Map<SampleDataSize, SandboxOrganisation[]>();

/**
 * The organisations of the sample data set of `size` (default seed), in the generator's order, so
 * that every sandbox's fixtures speak of the subjects the credit store holds. Built once per size.
 */
export function sandboxOrganisations(size: SampleDataSize): SandboxOrganisation[] {
  let organisations = cache.get(size);
  if (!organisations) {
    organisations = [];
    for (const chunk of generateSampleData(size).organisations) {
      for (const o of chunk) {
        organisations.push({ uscc: o.uscc, name: o.name, districtCode: o.districtCode, kind: subjectKindOf(o.uscc), parentUscc: o.parentUscc });
      }
    }
    cache.set(size, organisations);
  }
  return organisations;
}
