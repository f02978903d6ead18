import type {
  CatalogItemRow, CivilServantRow, CreditRecordRow, DistrictRow, OrganisationRow, RecordRowProperty,
} from './CreditStore.js';

// The only place where snake_case columns meet camelCase fields. PGlite and node-postgres differ in how
// they parse some types (PGlite gives DATE as a Date and BIGINT as a number), so normalise here.

type Row = Record<string, unknown>;

/** DATE column → 'YYYY-MM-DD' (or null), whichever driver parsed it. */
export function toIsoDate(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
}

/** NUMERIC column → exact decimal string without trailing zeros ('12.500000' → '12.5'). */
export function toDecimal(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

const str = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/** Columns read for organisations. */
export const ORGANISATION_COLUMNS = [
  'uscc', 'kind', 'name', 'district_code', 'parent_uscc', 'legal_representative', 'established_on', 'industry_code',
  'registered_capital', 'registration_status', 'business_scope', 'registration_authority_uscc', 'former_names',
] as const;

function toFormerNames(value: unknown): { name: string; until: string }[] {
  const list = (typeof value === 'string' ? JSON.parse(value) : value ?? []) as { name: unknown; until: unknown }[];
  return list.map((f) => ({ name: String(f.name), until: String(f.until) }));
}

/** The column each property of OrganisationRow is read from. */
const ORGANISATION_COLUMN_OF: Readonly<Record<keyof OrganisationRow, (typeof ORGANISATION_COLUMNS)[number]>> = Object.freeze({
  uscc: 'uscc', kind: 'kind', name: 'name', districtCode: 'district_code', parentUscc: 'parent_uscc', legalRepresentative: 'legal_representative',
  establishedOn: 'established_on', industryCode: 'industry_code', registeredCapital: 'registered_capital', registrationStatus: 'registration_status',
  businessScope: 'business_scope', registrationAuthorityUscc: 'registration_authority_uscc', formerNames: 'former_names',
});

/** The columns to read for `properties` of OrganisationRow, in the order of ORGANISATION_COLUMNS. */
export function organisationColumnsReading(properties: readonly (keyof OrganisationRow)[]): (typeof ORGANISATION_COLUMNS)[number][] {
  const wanted = new Set(properties.map((property) => ORGANISATION_COLUMN_OF[property]));
  return ORGANISATION_COLUMNS.filter((column) => wanted.has(column));
}

/** organisations row → OrganisationRow (a property whose column was not read is left as its column's absence maps). */
export function toOrganisation(row: Row): OrganisationRow {
  return {
    uscc: String(row.uscc),
    kind: String(row.kind),
    name: String(row.name),
    districtCode: String(row.district_code),
    parentUscc: str(row.parent_uscc),
    legalRepresentative: str(row.legal_representative),
    establishedOn: toIsoDate(row.established_on),
    industryCode: str(row.industry_code),
    registeredCapital: toDecimal(row.registered_capital),
    registrationStatus: str(row.registration_status),
    businessScope: str(row.business_scope),
    registrationAuthorityUscc: str(row.registration_authority_uscc),
    formerNames: toFormerNames(row.former_names),
  };
}

/** Columns read for civil servants: never the ciphertext or the join hash. */
export const CIVIL_SERVANT_COLUMNS = ['id', 'name', 'id_number_masked', 'employer_uscc', 'post'] as const;

/** civil_servants row → CivilServantRow. */
export function toCivilServant(row: Row): CivilServantRow {
  return {
    id: String(row.id),
    name: String(row.name),
    idNumberMasked: String(row.id_number_masked),
    employerUscc: String(row.employer_uscc),
    post: String(row.post),
  };
}

/** Columns read for credit records. */
export const RECORD_COLUMNS = [
  'id', 'kind', 'subject_uscc', 'civil_servant_id', 'authority_uscc', 'document_number', 'title', 'content',
  'legal_basis', 'decision_date', 'severity', 'fine_amount', 'confiscated_amount', 'source_unit_uscc',
  'catalog_item_code', 'governance_field', 'publicity_start', 'publicity_min_end', 'publicity_end',
  'rule_version', 'status', 'details',
] as const;

/** The column each property of CreditRecordRow is read from. */
const RECORD_COLUMN_OF: Readonly<Record<RecordRowProperty, (typeof RECORD_COLUMNS)[number]>> = Object.freeze({
  id: 'id', kind: 'kind', subjectUscc: 'subject_uscc', civilServantId: 'civil_servant_id', authorityUscc: 'authority_uscc',
  documentNumber: 'document_number', title: 'title', content: 'content', legalBasis: 'legal_basis', decisionDate: 'decision_date',
  severity: 'severity', fineAmount: 'fine_amount', confiscatedAmount: 'confiscated_amount', sourceUnitUscc: 'source_unit_uscc',
  catalogItemCode: 'catalog_item_code', governanceField: 'governance_field', publicityStart: 'publicity_start',
  publicityMinEnd: 'publicity_min_end', publicityEnd: 'publicity_end', ruleVersion: 'rule_version', status: 'status', details: 'details',
});

/** The columns to read for `properties` of CreditRecordRow, in the order of RECORD_COLUMNS. */
export function recordColumnsReading(properties: readonly RecordRowProperty[]): (typeof RECORD_COLUMNS)[number][] {
  const wanted = new Set(properties.map((property) => RECORD_COLUMN_OF[property]));
  return RECORD_COLUMNS.filter((column) => wanted.has(column));
}

/** credit_records row → CreditRecordRow (a property whose column was not read is left as its column's absence maps). */
export function toCreditRecord(row: Row): CreditRecordRow {
  return {
    id: String(row.id),
    kind: String(row.kind),
    subjectUscc: str(row.subject_uscc),
    civilServantId: str(row.civil_servant_id),
    authorityUscc: String(row.authority_uscc),
    documentNumber: String(row.document_number),
    title: String(row.title),
    content: str(row.content),
    legalBasis: str(row.legal_basis),
    decisionDate: toIsoDate(row.decision_date) ?? '',
    severity: str(row.severity),
    fineAmount: toDecimal(row.fine_amount),
    confiscatedAmount: toDecimal(row.confiscated_amount),
    sourceUnitUscc: String(row.source_unit_uscc),
    catalogItemCode: String(row.catalog_item_code),
    governanceField: str(row.governance_field),
    publicityStart: toIsoDate(row.publicity_start),
    publicityMinEnd: toIsoDate(row.publicity_min_end),
    publicityEnd: toIsoDate(row.publicity_end),
    ruleVersion: str(row.rule_version),
    status: String(row.status),
    details: (typeof row.details === 'string' ? JSON.parse(row.details) : row.details ?? {}) as Record<string, unknown>,
  };
}

/** catalog_items row → CatalogItemRow. */
export function toCatalogItem(row: Row): CatalogItemRow {
  return {
    code: String(row.code),
    name: String(row.name),
    nameZh: String(row.name_zh),
    recordKind: String(row.record_kind),
    conduct: String(row.conduct),
    sourceUnitUscc: String(row.source_unit_uscc),
    sourceChannel: String(row.source_channel),
    dataFormat: String(row.data_format),
    reportingCycle: String(row.reporting_cycle),
    disclosure: String(row.disclosure),
    sharingClass: String(row.sharing_class),
    retentionYears: Number(row.retention_years),
    legalBasis: String(row.legal_basis),
  };
}

/** districts row → DistrictRow. */
export function toDistrict(row: Row): DistrictRow {
  return {
    code: String(row.code), nameEn: String(row.name_en), nameZh: String(row.name_zh), level: String(row.level),
    areaType: String(row.area_type), localCode: row.local_code === true, codeNote: row.code_note === null || row.code_note === undefined ? null : String(row.code_note),
  };
}
