import { publicityWindow } from '../../credit/index.js';
import type { CatalogItemRef, DefaulterFeedRow } from './GovernmentIntegrityStore.js';
import { defaulterListRuleOn, type DefaulterListRule } from './integrityRules.js';
import { FeedFields, type FeedError } from './readFeedFields.js';

/** The six dishonest situations of SPC provisions art. 1, as the court reports them. */
export const DISHONEST_CONDUCT = [
  'HAS_ABILITY_BUT_REFUSES', 'OBSTRUCTS_ENFORCEMENT', 'EVADES_ENFORCEMENT', 'VIOLATES_PROPERTY_REPORTING',
  'VIOLATES_CONSUMPTION_RESTRICTION', 'BREACHES_SETTLEMENT',
] as const;

// The courts write case numbers with full-width brackets: （2026）粤0305执1234号. Half-width brackets and spaces
// are a transcription slip, corrected; anything else must match the rule's format.
const normaliseCaseNumber = (value: string): string => value.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');

/** What validating a defaulter row needs: the court, the hub's organisations, catalogue items, the calendar and today. */
export interface DefaulterRowContext {
  court: { uscc: string; name: string };
  known: ReadonlySet<string>;
  itemOf: (rule: DefaulterListRule) => CatalogItemRef | null;
  notificationDue: (listedOn: string, workingDays: number) => string;
  today: string;
}

/**
 * Checks one row of the court's list (see DefaulterListBatchInput): a LISTING becomes the JUDGMENT_DEFAULTER
 * record (window by conduct, publicity-rules.json) and, for a body the rule covers (11…, 12…), the enforcement
 * case with its notification deadline; a DELETION names the case and the day. Returns the row ready to store
 * or every error with its field and fix.
 */
export function validateDefaulterRow(raw: unknown, rowNumber: number, ctx: DefaulterRowContext): DefaulterFeedRow | { key: string; errors: FeedError[] } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { key: '', errors: [{ field: 'row', message: 'must be an object of field names to values' }] };
  const f = new FeedFields(raw as Record<string, unknown>);
  const action = f.oneOf('action', ['LISTING', 'DELETION'] as const);
  const sent = f.text('caseNumber', 6, 60);
  const caseNumber = sent === undefined ? undefined : normaliseCaseNumber(sent);
  const date = action === 'DELETION' ? f.date('deletedOn', true, ctx.today) : f.date('listedOn', true, ctx.today);
  const rule = date ? defaulterListRuleOn(date) : null;
  if (date && !rule) f.fail(action === 'DELETION' ? 'deletedOn' : 'listedOn', 'the hub follows the list from 2020-10-29 (defaulter-list-rules.json); older listings are not taken');
  if (caseNumber && rule && !new RegExp(rule.caseNumberFormat, 'u').test(caseNumber)) {
    f.fail('caseNumber', `"${sent}" is not an enforcement case number in the courts' form, e.g. ${rule.caseNumberExample}`);
  }
  if (action !== 'LISTING') {
    if (f.errors.length > 0 || !caseNumber || !date) return { key: caseNumber ?? '', errors: f.errors };
    return { rowNumber, action: 'DELETION', caseNumber, deletedOn: date, expired: date < ctx.today };
  }
  const subject = f.uscc('subjectUscc');
  if (subject && !ctx.known.has(subject)) f.fail('subjectUscc', `${subject} is not a registered organisation; the list is followed for organisations the hub knows`);
  const conduct = f.oneOf('conduct', DISHONEST_CONDUCT);
  const obligation = f.text('obligation', 2, 500, false);
  const amount = f.decimal('amount', false);
  const item = rule ? ctx.itemOf(rule) : null;
  if (rule && !item) f.fail('row', `catalogue item ${rule.catalogItemCode} (judgment defaulters) is not in the catalogue; the credit office must load it first`);
  if (f.errors.length > 0 || !caseNumber || !date || !subject || !conduct || !rule || !item) return { key: caseNumber ?? '', errors: f.errors };
  const window = publicityWindow({ kind: 'JUDGMENT_DEFAULTER', decisionDate: date, conduct })!;
  const serious = conduct === 'OBSTRUCTS_ENFORCEMENT' || conduct === 'EVADES_ENFORCEMENT';
  const record = {
    kind: 'JUDGMENT_DEFAULTER', subject_uscc: subject, authority_uscc: ctx.court.uscc, document_number: caseNumber, title: '被纳入失信被执行人名单',
    content: obligation ?? null, legal_basis: '《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条', decision_date: date,
    severity: serious ? 'SERIOUS' : 'GENERAL', source_unit_uscc: item.source_unit_uscc, catalog_item_code: item.code, governance_field: 'JUDGMENT_NON_ENFORCEMENT',
    publicity_start: window.start, publicity_min_end: window.minimumEnd, publicity_end: window.end, rule_version: window.ruleVersion, status: 'IN_PUBLICITY',
    details: JSON.stringify({ caseNumber, court: ctx.court.name, dishonestConduct: conduct, obligation: obligation ?? null, publishedOn: date, listingTermEnd: window.termEnd, reportedBy: 'court list' }),
  };
  const opens = rule.openCaseForPrefixes.includes(subject.slice(0, 2));
  const due = opens ? ctx.notificationDue(date, rule.notifySuperiorWithinWorkingDays) : null;
  return {
    rowNumber, action: 'LISTING', caseNumber, record,
    openCase: opens && due ? {
      case_number: caseNumber, body_uscc: subject, court_uscc: ctx.court.uscc, amount: amount ?? null, filed_on: date, conduct,
      notification_due_on: due, notification_rule: rule.version,
    } : null,
    alert: `${ctx.court.name} listed ${subject} as a judgment defaulter in case ${caseNumber} on ${date} (${conduct}); notify its superior by ${due ?? '—'} (${rule.version}: ${rule.notifySuperiorWithinWorkingDays} working days)`,
  };
}
