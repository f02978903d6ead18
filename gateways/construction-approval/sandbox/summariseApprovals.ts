import { STAGE_NAMES, type NativeDepartStats, type NativeProject, type NativeStageStats } from './ConstructionFixtures.js';

/**
 * The approval statistics the system keeps per department: for each stage it led, approvals
 * accepted, finished, in progress, late (finished or still open beyond the statutory limit plus any
 * extension) and the mean working days of the finished ones.
 */
export function summariseApprovals(projects: readonly NativeProject[]): Map<string, NativeDepartStats> {
  const byDepart = new Map<string, NativeDepartStats>();
  const totals = new Map<NativeStageStats, number>();
  for (const project of projects) {
    for (const stage of project.stageList) {
      let depart = byDepart.get(stage.approvalDepartCode);
      if (!depart) {
        depart = { departCode: stage.approvalDepartCode, departName: stage.approvalDepartName, stageStats: [] };
        byDepart.set(depart.departCode, depart);
      }
      let stats = depart.stageStats.find((s) => s.stageCode === stage.stageCode);
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
        depart.stageStats.push(stats);
      }
      const late = stage.actualWorkDays > stage.legalDays + stage.extendDays;
      stats.acceptNum += 1;
      if (stage.finishDate === null) {
        stats.doingNum += 1;
        if (late) stats.overdueDoingNum += 1;
      } else {
        stats.finishNum += 1;
        if (late) stats.overdueFinishNum += 1;
        totals.set(stats, (totals.get(stats) ?? 0) + stage.actualWorkDays);
      }
    }
  }
  for (const depart of byDepart.values()) {
    depart.stageStats.sort((a, b) => a.stageCode - b.stageCode);
    for (const stats of depart.stageStats) {
      const total = totals.get(stats);
      if (total !== undefined && stats.finishNum > 0) stats.avgWorkDays = Math.round((total / stats.finishNum) * 10) / 10;
    }
  }
  return byDepart;
}
