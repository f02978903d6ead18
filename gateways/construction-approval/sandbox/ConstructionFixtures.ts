// The approval system's records in its own field names, exactly as its API returns them.

/** One stage of a project (审批阶段) as the approval system returns it. */
export interface NativeStage {
  /** The system's id of this stage instance. */
  stageInstId: string;
  /** 1 立项用地规划许可, 2 工程建设许可, 3 施工许可, 4 竣工验收. */
  stageCode: number;
  stageName: string;
  approvalDepartCode: string;
  approvalDepartName: string;
  acceptDate: string;
  /** Null while the stage is in progress. */
  finishDate: string | null;
  /** Statutory time limit in working days (法定办结时限). */
  legalDays: number;
  /** Extension granted in working days (延长时限), 0 for none. */
  extendDays: number;
  /** Working days from acceptance to decision, or to the system's today while in progress. */
  actualWorkDays: number;
  /** Licence or certificate number of the decision (证照编号); null while in progress. */
  approvalDocNum: string | null;
}

/** A project (工程建设项目) as the approval system returns it. */
export interface NativeProject {
  prjNum: string;
  /** The investment project code in use: new format when one was assigned, else the old one. */
  prjCode: string;
  /** The old-format code of a project registered before November 2020 that was later given a new one. */
  oldPrjCode: string | null;
  prjName: string;
  buildCorpCode: string;
  buildCorpName: string;
  prjApprovalDepart: string;
  prjApprovalDepartName: string;
  districtCode: string;
  /** 万元. */
  totalInvestment: number;
  stageList: NativeStage[];
}

/** Per department and stage: what it handled (审批效能统计). */
export interface NativeStageStats {
  stageCode: number;
  stageName: string;
  acceptNum: number;
  finishNum: number;
  doingNum: number;
  overdueFinishNum: number;
  overdueDoingNum: number;
  /** Mean actual working days of the finished approvals, one decimal; null when none finished. */
  avgWorkDays: number | null;
  legalDays: number;
}

/** A department's approval statistics. */
export interface NativeDepartStats {
  departCode: string;
  departName: string;
  stageStats: NativeStageStats[];
}

/** The sandbox's data with the indexes its endpoints use. */
export interface ConstructionFixtures {
  asOf: string;
  projects: NativeProject[];
  /** By either project code. */
  byCode: Map<string, NativeProject>;
  byPrjNum: Map<string, NativeProject>;
  byBuilder: Map<string, NativeProject[]>;
  statsByDepart: Map<string, NativeDepartStats>;
  /** Every stage instance led by each department. */
  stagesByDepart: Map<string, NativeStage[]>;
  /** The area of each approving department: its district, or 440300 for the city's departments. */
  departDistrict: Map<string, string>;
}

/** Names of the stages, by stage code. */
export const STAGE_NAMES: Readonly<Record<number, string>> = {
  1: '立项用地规划许可',
  2: '工程建设许可',
  3: '施工许可',
  4: '竣工验收',
};
