import type { EvaluationLevel, IndicatorValueRow } from './EvaluationStore.js';
import type { CounterSpec, IndicatorRule } from './evaluationRules.js';
import type { EvaluationPeriod } from './parsePeriod.js';

// Every record status (src/credit enums), for the `statuses` of a CreditRecordFilter that leaves some out.
const RECORD_STATUSES = ['IN_PUBLICITY', 'UNDER_OBJECTION', 'REPAIRED', 'WITHDRAWN', 'EXPIRED'];

const PLATFORM_OF: Record<string, string> = {
  'platform.approvalStages': 'CONSTRUCTION_APPROVAL', 'platform.overdueApprovalStages': 'CONSTRUCTION_APPROVAL',
};

/** Where one counter counted for one unit: the filter that reproduces the count, and a GraphQL query where the graph offers one. */
export interface CounterEvidence {
  filter: Record<string, unknown>;
  query: string | null;
}

const list = (values: readonly unknown[]) => `[${values.map(String).join(', ')}]`;

/**
 * The evidence of `spec` counted for one unit (a body's USCC or an area code) in `period` with data
 * created at or before `dataAsOf`. The filter is CreditRecordFilter-shaped for credit records (plus
 * `subjects`, `subjectKinds` and `createdAtOrBefore`) and names the table and conditions otherwise.
 */
export function describeEvidence(spec: CounterSpec, level: EvaluationLevel, unit: string, period: EvaluationPeriod, dataAsOf: string): CounterEvidence {
  const who = level === 'DEPARTMENT' ? { subjects: [unit] } : { districts: [unit], subjectKinds: ['GOVERNMENT_BODY'] };
  const p = spec.parameters;
  switch (spec.counter) {
    case 'creditRecords': {
      const exclude = (p.excludeStatuses as string[] | undefined) ?? [];
      const statuses = exclude.length ? RECORD_STATUSES.filter((s) => !exclude.includes(s)) : null;
      const filter = { ...who, kinds: p.kinds, decidedFrom: period.from, decidedTo: period.to, ...(statuses ? { statuses } : {}), createdAtOrBefore: dataAsOf };
      const args = `kinds: ${list(p.kinds as string[])}, decidedFrom: "${period.from}", decidedTo: "${period.to}"${statuses ? `, statuses: ${list(statuses)}` : ''}`;
      // Through the graph as the credit office (which sees every record); records reported after the watermark would add to it.
      const query = level === 'DEPARTMENT' ? `{ subject(uscc: "${unit}") { creditRecords(filter: { ${args} }) { totalCount } } }` : null;
      return { filter: { table: 'credit_records', ...filter }, query };
    }
    case 'reportedRecords':
    case 'reportedRecordsWithin':
      return {
        filter: {
          table: 'credit_records', ...(level === 'DEPARTMENT' ? { sourceUnits: [unit] } : { sourceUnitDistricts: [unit], sourceUnitKinds: ['GOVERNMENT_BODY'] }),
          decidedFrom: period.from, decidedTo: period.to, createdAtOrBefore: dataAsOf,
          ...(spec.counter === 'reportedRecordsWithin' ? { createdWithinDaysOfDecision: p.withinDays } : {}),
        },
        query: null,
      };
    case 'overdueCommitments':
      return { filter: { table: 'government_commitments', ...bodies(level, unit), kinds: p.kinds, dueBefore: period.to, notFulfilledOnOrBefore: period.to, createdAtOrBefore: dataAsOf }, query: null };
    case 'openEnforcementCases':
      return { filter: { table: 'enforcement_cases', ...bodies(level, unit), filedOnOrBefore: period.to, notClosedOnOrBefore: period.to, createdAtOrBefore: dataAsOf }, query: null };
    case 'enforcementInterviews':
      return { filter: { table: 'enforcement_interviews', ...bodies(level, unit), heldFrom: period.from, heldTo: period.to, createdAtOrBefore: dataAsOf }, query: null };
    case 'substantiatedComplaints':
      return { filter: { table: 'integrity_complaints', ...bodies(level, unit), status: 'SUBSTANTIATED', concludedFrom: period.from, concludedTo: period.to, createdAtOrBefore: dataAsOf }, query: null };
    case 'openMeasures':
      return { filter: { table: 'integrity_measures', ...bodies(level, unit), ...(Array.isArray(p.kinds) ? { kinds: p.kinds } : {}), imposedOnOrBefore: period.to, notClosedOnOrBefore: period.to, createdAtOrBefore: dataAsOf }, query: null };
    case 'thirdPartyScores':
    case 'thirdPartyEvaluations':
      return {
        filter: { table: 'third_party_evaluations', ...bodies(level, unit), period: period.label, createdAtOrBefore: dataAsOf, ...(spec.counter === 'thirdPartyScores' ? { sum: 'overall_score × 100' } : { count: '× 100' }) },
        query: level === 'DEPARTMENT' ? `{ thirdPartyEvaluations(bodyUscc: "${unit}", period: "${period.label}") { overallScore } }` : null,
      };
    case 'ingestionRows':
      return { filter: { table: 'ingestion_batches', ...sourceUnits(level, unit), sum: p.measure ?? 'total', receivedFrom: period.from, receivedTo: period.to, receivedAtOrBefore: dataAsOf }, query: null };
    case 'dataQualityIssues':
      return { filter: { table: 'data_quality_issues', ...sourceUnits(level, unit), createdFrom: period.from, createdTo: period.to, createdAtOrBefore: dataAsOf }, query: null };
    default: {
      const platform = PLATFORM_OF[spec.counter] ?? 'GOV_SERVICE';
      const figure = spec.counter.replace(/^platform\./, '');
      const selection = platform === 'GOV_SERVICE'
        ? 'serviceReviewSummary { periodStart periodEnd reviewCount badReviewCount finishedCases onTimeRate reviewsByLevel { level count } }'
        : 'approvalPerformance { asOf approvalsHandled overdueApprovals }';
      return {
        filter: { platform, figure, ...bodies(level, unit), periodFrom: period.from, periodTo: period.to },
        query: level === 'DEPARTMENT' ? `{ governmentBodiesByUscc(usccs: ["${unit}"]) { ${selection} } }` : null,
      };
    }
  }
}

function bodies(level: EvaluationLevel, unit: string) {
  return level === 'DEPARTMENT' ? { bodies: [unit] } : { bodyDistricts: [unit], bodyKinds: ['GOVERNMENT_BODY'] };
}

function sourceUnits(level: EvaluationLevel, unit: string) {
  return level === 'DEPARTMENT' ? { sourceUnits: [unit] } : { sourceUnitDistricts: [unit], sourceUnitKinds: ['GOVERNMENT_BODY'] };
}

/** The evidence of one stored indicator value, as the graph shows it: the counts and what reproduces them. */
export function evidenceOf(rule: IndicatorRule, level: EvaluationLevel, unit: string, period: EvaluationPeriod, dataAsOf: string, stored: Pick<IndicatorValueRow, 'count' | 'outOf' | 'platformWindows'>) {
  const counted = describeEvidence(rule.formula, level, unit, period, dataAsOf);
  const per = rule.formula.per ? describeEvidence({ counter: rule.formula.per, parameters: {} }, level, unit, period, dataAsOf) : null;
  return {
    count: stored.count, outOf: stored.outOf,
    filter: stored.platformWindows ? { ...counted.filter, platformWindows: stored.platformWindows } : counted.filter, query: counted.query,
    outOfFilter: per && (stored.platformWindows ? { ...per.filter, platformWindows: stored.platformWindows } : per.filter), outOfQuery: per?.query ?? null,
  };
}
