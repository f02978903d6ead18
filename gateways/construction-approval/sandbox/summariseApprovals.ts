import { STAGE_NAMES, type NativeDepartStats, type NativeProject, type NativeStage, type NativeStageStats } from './ConstructionFixtures.js';

/**
 * Per stage code, in stage order, what a set of stage instances amounts to: accepted, finished, in
 * progress, late (finished or still open beyond the statutory limit plus any extension) and the mean
 * working days of the finished ones. Stages none of them reached are left out, as the system does.
 */
export function summariseStages(stages: Iterable<NativeStage>): NativeStageStats[] {
  const byCode = new Map<number, NativeStageStats>();
  const totals = new Map<number, number>();
  for (const stage of stages) {
    let stats = byCode.get(stage.stageCode);
    if (!stats) {
      stats = {
        stageCode: stage.stageCode,
        stageName: STAGE_NAMES[stage.stageCode] ?? '',
        acceptNum: 0,
        finishNum: 0,
        doingNum: 0,
        overdueFinishNum: 0,
        overdueDoingNum: 0,
        avgWorkDays: null,
        legalDays: stage.legalDays,
      };
      byCode.set(stage.stageCode, stats);
    }
    const late = stage.actualWorkDays > stage.legalDays + stage.extendDays;
    stats.acceptNum += 1;
    if (stage.finishDate === null) {
      stats.doingNum += 1;
      if (late) stats.overdueDoingNum += 1;
    } else {
      stats.finishNum += 1;
      if (late) stats.overdueFinishNum += 1;
      totals.set(stage.stageCode, (totals.get(stage.stageCode) ?? 0) + stage.actualWorkDays);
    }
  }
  const list = [...byCode.values()].sort((a, b) => a.stageCode - b.stageCode);
  for (const stats of list) {
    const total = totals.get(stats.stageCode);
    if (total !== undefined && stats.finishNum > 0) stats.avgWorkDays = Math.round((total / stats.finishNum) * 10) / 10;
  }
  return list;
}

/** Every stage instance of `projects`, by the department that leads it. */
export function groupStagesByDepart(projects: readonly NativeProject[]): Map<string, NativeStage[]> {
  const byDepart = new Map<string, NativeStage[]>();
  for (const project of projects) {
    for (const stage of project.stageList) {
      const list = byDepart.get(stage.approvalDepartCode);
      if (list) list.push(stage);
      else byDepart.set(stage.approvalDepartCode, [stage]);
    }
  }
  return byDepart;
}

/** The approval statistics the system keeps per department (审批效能统计), over all its stages. */
export function summariseApprovals(stagesByDepart: ReadonlyMap<string, readonly NativeStage[]>): Map<string, NativeDepartStats> {
  const byDepart = new Map<string, NativeDepartStats>();
  for (const [departCode, stages] of stagesByDepart) {
    byDepart.set(departCode, { departCode, departName: stages[0]?.approvalDepartName ?? '', stageStats: summariseStages(stages) });
  }
  return byDepart;
}
