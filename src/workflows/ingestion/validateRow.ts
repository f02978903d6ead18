import { createHash } from 'node:crypto';
import { addWorkingDays } from '../../calendar/index.js';
import { derivePenaltySectors, type PenaltySector, penaltySeverity, publicityWindow, type Severity } from '../../credit/index.js';
import {
  DOUBLE_PUBLICITY_FORMAT, fieldsOf, kindsNamedBy, prefixOf, type IngestedKind,
} from './doublePublicityFormat.js';
import { documentNumberKey } from './documentNumberKey.js';
import type { ChecksumIssue, IngestionRecord, IngestionReferences, RowError, ValidatedRow } from './IngestionRecord.js';
import { readFieldValue, type FieldValue } from './readFieldValue.js';

const KIND_NAMES: Readonly<Record<IngestedKind, string>> = {
  ADMINISTRATIVE_PENALTY: 'administrative penalty (行政处罚)',
  ADMINISTRATIVE_LICENCE: 'administrative licence (行政许可)',
};

// A row's raw values as trimmed strings; '' for absent or null. Numbers are accepted for amounts and dates.
function textOf(value: unknown): string | { problem: string } {
  if (value === null || value === undefined) return '';
  // PostgreSQL text cannot hold U+0000; the row is refused, not the batch.
  if (typeof value === 'string') return value.includes('\u0000') ? { problem: 'contains a NUL character (U+0000); remove it' } : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return { problem: `must be a string, got ${Array.isArray(value) ? 'a list' : typeof value}` };
}

// Windows repeat across a batch (a few hundred decision dates): compute each once.
const windows = new Map<string, ReturnType<typeof publicityWindow>>();
function windowOf(kind: IngestedKind, decisionDate: string, severity: Severity | null, sectors: readonly PenaltySector[]): ReturnType<typeof publicityWindow> {
  const key = `${kind}|${decisionDate}|${severity}|${sectors.join(',')}`;
  let window = windows.get(key);
  if (window === undefined) {
    if (windows.size >= 50_000) windows.clear();
    window = publicityWindow({ kind, decisionDate, severity, sectors });
    windows.set(key, window);
  }
  return window;
}

// Administrative Penalty Law art. 48 + art. 85: "within 3 日" counts working days. A year the calendar cannot
// answer yet leaves the deadline open (null) rather than rejecting a lawful withdrawal.
function withdrawalDeadline(revokedOn: string): string | null {
  try {
    return addWorkingDays(revokedOn, DOUBLE_PUBLICITY_FORMAT.withdrawalDeadline.workingDays);
  } catch {
    return null;
  }
}

/**
 * Validates one row of the double-publicity format (CF_ or XK_ fields) against the batch's references and
 * builds the record it reports. Every problem is collected, each with the field it concerns; codes failing
 * their checksum are also returned as checksum issues with the expected character. Pure: never throws.
 */
export function validateRow(raw: Readonly<Record<string, unknown>>, rowNumber: number, refs: IngestionReferences): ValidatedRow {
  const errors: RowError[] = [];
  const checksumIssues: ChecksumIssue[] = [];
  const texts = new Map<string, string>();
  for (const [key, value] of Object.entries(raw)) {
    const text = textOf(value);
    if (typeof text === 'string') texts.set(key.trim(), text);
    else errors.push({ field: key, message: text.problem });
  }
  const given = [...texts].filter(([, v]) => v !== '').map(([k]) => k);
  const kinds = kindsNamedBy(given);
  const rejected = (authority = '', documentNumber = ''): ValidatedRow => ({ rowNumber, authority, documentNumber, record: null, errors, checksumIssues });
  if (kinds.length !== 1) {
    errors.push({ field: 'row', message: kinds.length === 0
      ? 'names no CF_ (administrative penalty) or XK_ (administrative licence) field'
      : 'mixes CF_ and XK_ fields; send a penalty and a licence as two rows' });
    return rejected();
  }
  const kind = kinds[0] as IngestedKind;
  const p = prefixOf(kind);
  const specs = fieldsOf(kind);
  for (const name of given) {
    if (!(name in specs)) errors.push({ field: name, message: `is not a field of the ${KIND_NAMES[kind]} format` });
  }
  const values = new Map<string, FieldValue>();
  for (const [name, spec] of Object.entries(specs)) {
    const text = texts.get(name) ?? '';
    if (text === '') {
      // A cell already refused (a NUL character, a list) is not also "missing".
      if (spec.required && !errors.some((e) => e.field === name)) errors.push({ field: name, message: `is required (${spec.nameZh})` });
      continue;
    }
    const read = readFieldValue(spec.type, text);
    if ('value' in read) {
      values.set(name, read.value);
      continue;
    }
    errors.push({ field: name, message: read.problem.message });
    if (read.problem.expected !== undefined) {
      checksumIssues.push({ field: name, value: text, expected: read.problem.expected, reason: read.problem.message });
    }
  }
  const str = (name: string): string | null => {
    const value = values.get(`${p}${name}`) ?? values.get(name);
    return typeof value === 'string' ? value : null;
  };
  const authoritySent = texts.get(`${p}${kind === 'ADMINISTRATIVE_PENALTY' ? 'CFJGDM' : 'XKJGDM'}`) ?? '';
  const documentSent = texts.get(`${p}WSH`) ?? '';

  // Cross-field rules, each only when the fields it needs were read.
  if (str('XDR_LB') === 'NATURAL_PERSON') {
    errors.push({ field: `${p}XDR_LB`, message: 'natural persons (自然人) are not ingested: the hub keeps records about organisations identified by USCC' });
  }
  const subject = str('XDR_SHXYM');
  if (subject && !refs.registeredUsccs.has(subject)) {
    errors.push({ field: `${p}XDR_SHXYM`, message: `subject ${subject} is not registered (no organisation has this USCC); register the subject before reporting records about it` });
  }
  const authorityField = `${p}${kind === 'ADMINISTRATIVE_PENALTY' ? 'CFJGDM' : 'XKJGDM'}`;
  const authority = str(authorityField.slice(p.length));
  if (authority && !refs.registeredUsccs.has(authority)) {
    errors.push({ field: authorityField, message: `deciding authority ${authority} is not registered (no organisation has this USCC)` });
  } else if (authority && !refs.reportableAuthorities.has(authority)) {
    const own = [...refs.reportableAuthorities].sort();
    errors.push({ field: authorityField, message: `source unit ${refs.sourceUnitUscc} is not registered to report decisions of authority ${authority}; `
      + `report only decisions of the authorities it is registered for (${own.length > 0 ? own.join(', ') : 'none yet'}), `
      + 'or ask the credit office to register it for this authority (registerSourceUnitAuthority)' });
  }
  const sourceUnit = str('SJLYDM');
  if (sourceUnit && sourceUnit !== refs.sourceUnitUscc) {
    errors.push({ field: `${p}SJLYDM`, message: `must be the batch's source unit ${refs.sourceUnitUscc}, got ${sourceUnit}; a source unit reports only its own records` });
  }
  const decisionDate = str('JDRQ');
  if (decisionDate && decisionDate > refs.today) {
    errors.push({ field: `${p}JDRQ`, message: `decision date ${decisionDate} is after today (${refs.today})` });
  }
  const revoked = str('ZT') === 'REVOKED';
  if (revoked && !str('CXYY')) {
    errors.push({ field: `${p}CXYY`, message: `is required when ${p}ZT is 撤销 (revoked): the reason is published with the withdrawal` });
  }
  const revokedOn = str('CXRQ');
  if (revokedOn && decisionDate && revokedOn < decisionDate) {
    errors.push({ field: `${p}CXRQ`, message: `revocation date ${revokedOn} is before the decision date ${decisionDate}` });
  }
  if (revokedOn && revokedOn > refs.today) {
    errors.push({ field: `${p}CXRQ`, message: `revocation date ${revokedOn} is after today (${refs.today})` });
  }
  const validFrom = str('YXQZ');
  const validTo = str('YXQZI');
  if (validFrom && validTo && validTo < validFrom) {
    errors.push({ field: 'XK_YXQZI', message: `valid to ${validTo} is before valid from ${validFrom}` });
  }
  const catalogItemCode = chooseCatalogItem(kind, str('MLBM'), refs, errors);
  if (errors.length > 0) return rejected(authoritySent, documentSent);

  // Every required field was read: build the record.
  const need = (name: string): string => str(name) as string;
  const categories = (values.get('CF_CFLB') as string[] | undefined) ?? [];
  const fine = str('NR_FK');
  const confiscated = str('NR_WFFF');
  const penalty = kind === 'ADMINISTRATIVE_PENALTY';
  const severity = penalty ? penaltySeverity({ categories, fine, confiscated, decisionDate: need('JDRQ') }) : null;
  const sectors = penalty ? derivePenaltySectors(str('YJ'), catalogItemCode) : [];
  const window = windowOf(kind, need('JDRQ'), severity, sectors);
  // A window the rule does not publish (2026 measures: minor information) is over as soon as it is reported.
  const expired = penalty ? window != null && (!window.disclosed || (window.end != null && window.end < refs.today)) : validTo !== null && validTo < refs.today;
  const withdrawnOn = refs.today;
  const details: Record<string, unknown> = kind === 'ADMINISTRATIVE_PENALTY'
    ? { penaltyCategories: categories, violationType: need('WFXW'), facts: str('SY'), permitsSuspended: str('NR_ZKDX'), validUntil: str('YXQ'), reportedPublicityEnd: str('GSJZQ'), sectors: sectors.length > 0 ? sectors : null }
    : { licenceCategory: need('XKLB'), licenceName: need('XKWS'), certificateName: str('XKZS'), certificateNumber: str('XKBH'), validFrom: need('YXQZ'), validTo };
  Object.assign(details, { subjectCategory: need('XDR_LB'), legalRepresentative: str('FRDB'), authorityName: need(kind === 'ADMINISTRATIVE_PENALTY' ? 'CFJG' : 'XKJG'), sourceUnitName: need('SJLY'), remarks: str('BZ') });
  if (revoked) {
    // Art. 48: a revoked or annulled decision leaves publicity within 3 days, with its reason; art. 85: working days.
    const from = revokedOn ?? withdrawnOn;
    const deadline = withdrawalDeadline(from);
    Object.assign(details, { withdrawalReason: need('CXYY'), withdrawnOn, withdrawal: { revokedOn: from, deadline, withdrawnOn, withinDeadline: deadline === null ? null : withdrawnOn <= deadline } });
  }
  const sourceHash = fingerprint(kind, values);
  details.sourceHash = sourceHash;
  for (const [key, value] of Object.entries(details)) if (value === null) delete details[key];
  const name = need('XDR_MC');
  const record: IngestionRecord = {
    kind,
    subjectUscc: need('XDR_SHXYM'),
    authorityUscc: authority as string,
    documentNumber: need('WSH'),
    title: kind === 'ADMINISTRATIVE_PENALTY' ? `${name}${need('WFXW')}案` : `${name}${str('XKZS') ?? need('XKWS')}`,
    content: kind === 'ADMINISTRATIVE_PENALTY' ? [str('SY'), need('NR')].filter(Boolean).join('\n') : need('NR'),
    legalBasis: kind === 'ADMINISTRATIVE_PENALTY' ? need('YJ') : null,
    decisionDate: need('JDRQ'),
    severity,
    fineAmount: fine,
    confiscatedAmount: confiscated,
    sourceUnitUscc: refs.sourceUnitUscc,
    catalogItemCode: catalogItemCode as string,
    publicityStart: window?.start ?? null,
    publicityMinEnd: window?.minimumEnd ?? null,
    publicityEnd: window?.end ?? null,
    ruleVersion: window?.ruleVersion ?? null,
    status: revoked ? 'WITHDRAWN' : expired ? 'EXPIRED' : 'IN_PUBLICITY',
    details,
    sourceHash,
  };
  return { rowNumber, authority: authoritySent, documentNumber: documentSent, record, errors, checksumIssues };
}

// The catalogue item a row reports under: the one it names, else its source unit's only item of the kind.
function chooseCatalogItem(kind: IngestedKind, code: string | null, refs: IngestionReferences, errors: RowError[]): string | null {
  const field = `${prefixOf(kind)}MLBM`;
  if (code !== null) {
    const item = refs.catalogItems.get(code);
    const problem = !item ? `no catalogue item has the code ${code}`
      : item.recordKind !== kind ? `catalogue item ${code} lists ${item.recordKind} records, not ${kind}`
      : item.sourceUnitUscc !== refs.sourceUnitUscc ? `catalogue item ${code} is reported by source unit ${item.sourceUnitUscc}, not ${refs.sourceUnitUscc}`
      : null;
    if (problem) errors.push({ field, message: problem });
    return problem ? null : code;
  }
  const own = [...refs.catalogItems].filter(([, i]) => i.recordKind === kind && i.sourceUnitUscc === refs.sourceUnitUscc).map(([c]) => c);
  if (own.length === 1) return own[0] as string;
  errors.push({ field, message: own.length === 0
    ? `source unit ${refs.sourceUnitUscc} reports no ${kind} catalogue item (目录条目); the catalogue must list it first`
    : `is required: source unit ${refs.sourceUnitUscc} reports several ${kind} catalogue items (${own.join(', ')})` });
  return null;
}

// The fingerprint of a row: its normalised values, field by field, so reformatting (20260105 vs 2026-01-05,
// "1.50" vs "1.5") is still the same row.
function fingerprint(kind: IngestedKind, values: ReadonlyMap<string, FieldValue>): string {
  // The document number by its canonical form: a resend with other brackets or spaces is the same row.
  const entries = [...values].map(([name, value]): [string, FieldValue] => (name.endsWith('WSH') && typeof value === 'string' ? [name, documentNumberKey(value)] : [name, value]))
    .sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256').update(JSON.stringify([kind, entries])).digest('hex').slice(0, 32);
}
