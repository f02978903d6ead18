import { readFileSync } from 'node:fs';
import { GOVERNANCE_FIELDS } from './enums.js';

/** The lead unit (牵头单位) of a special-governance field, as rules/governance-field-leads.json states it. */
export interface GovernanceFieldLead {
  field: string;
  leadUnit: { nameZh: string; nameEn: string };
  nationalLead: string;
}

interface LeadFile {
  source: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  confirmed: boolean;
  leads: GovernanceFieldLead[];
}

const file = JSON.parse(readFileSync(new URL('./rules/governance-field-leads.json', import.meta.url), 'utf8')) as LeadFile;
// The file is data: a field without a lead, or a lead of no field, is a config error found at start.
const missing = GOVERNANCE_FIELDS.filter((f) => !file.leads.some((l) => l.field === f.code)).map((f) => f.code);
const unknown = file.leads.filter((l) => !GOVERNANCE_FIELDS.some((f) => f.code === l.field)).map((l) => l.field);
if (missing.length || unknown.length) {
  throw new Error(`rules/governance-field-leads.json: every governance field needs exactly one lead unit (missing: ${missing.join(', ') || 'none'}; unknown fields: ${unknown.join(', ') || 'none'})`);
}

/** Lead units by field code, and whether the credit office has confirmed the file. */
export const GOVERNANCE_FIELD_LEADS: ReadonlyMap<string, GovernanceFieldLead> = new Map(file.leads.map((l) => [l.field, l]));
/** The file's own statement of where the lead units come from. */
export const GOVERNANCE_FIELD_LEADS_SOURCE = { source: file.source, confirmed: file.confirmed, effectiveFrom: file.effectiveFrom };
