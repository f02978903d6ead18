import { publicityWindow } from '../../credit/index.js';
import type { CatalogItemRef, Row } from './GovernmentIntegrityStore.js';
import type { Inheritance } from './leadershipAt.js';
import { INTEGRITY_RULES, smePaymentRuleById } from './integrityRules.js';

const KIND_ZH: Record<string, string> = { POLICY_PROMISE: '政策承诺', CONTRACT: '合同约定', PAYMENT: '账款支付' };

// The article the record cites: the SME payment rule's term article for a payment to an SME, else the
// Optimizing Business Environment Regulation's duty to keep promises and contracts.
function basisOf(commitment: Row): string {
  const rule = smePaymentRuleById((commitment.payment_rule as string | null) ?? null);
  if (rule) return rule.version === 'SME-PAYMENT-2020' ? '《保障中小企业款项支付条例》第八条' : '《保障中小企业款项支付条例》第九条';
  return '《优化营商环境条例》第三十一条';
}

/**
 * The government-dishonesty record (政务失信) a declared broken commitment puts in its body's archive: of the
 * catalogue item of commitment-rules.json `brokenPromises`, decided by that item's source unit (the credit
 * office) on the declaration day, public for the window of publicity-rules.json in force that day, with the
 * reason, evidence and whether the promise was inherited from a predecessor in its details.
 */
export function toDishonestyRecord(commitment: Row, declaration: { brokenOn: string; reason: string; evidence: string[] }, item: CatalogItemRef, inheritance: Inheritance): Record<string, unknown> {
  const kind = INTEGRITY_RULES.brokenPromises.recordKind;
  const window = publicityWindow({ kind, decisionDate: declaration.brokenOn })!;
  const inherited = inheritance.inherited ? `；承诺由前任负责人${inheritance.leaderWhenPromised ?? ''}作出，现任负责人${inheritance.leaderWhenDue ?? ''}未履行（新官不理旧账）` : '';
  return {
    kind, subject_uscc: commitment.body_uscc, authority_uscc: item.source_unit_uscc,
    document_number: `深信办政失〔${declaration.brokenOn.slice(0, 4)}〕${commitment.id}号`,
    title: `未履行${KIND_ZH[String(commitment.kind)] ?? '承诺'}：${String(commitment.title)}`,
    content: `${declaration.reason}${inherited}`,
    legal_basis: basisOf(commitment), decision_date: declaration.brokenOn, severity: null,
    source_unit_uscc: item.source_unit_uscc, catalog_item_code: item.code, governance_field: null,
    publicity_start: window.start, publicity_min_end: window.minimumEnd, publicity_end: window.end, rule_version: window.ruleVersion,
    status: window.end !== null && window.end < declaration.brokenOn ? 'EXPIRED' : 'IN_PUBLICITY',
    details: JSON.stringify({
      commitmentId: commitment.id, commitmentKind: commitment.kind, counterpartyUscc: commitment.counterparty_uscc ?? null, amount: commitment.amount ?? null,
      promisedOn: commitment.promised_on, dueOn: commitment.due_on, reason: declaration.reason, evidence: declaration.evidence, ...inheritance,
    }),
  };
}
