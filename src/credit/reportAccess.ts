/** Whom a read touched: the subjects (USCCs) and civil servants (ids) whose data it used. */
export interface AccessReport {
  subjectUsccs?: readonly string[];
  civilServantIds?: readonly string[];
}

/**
 * The context contract through which the credit subschema tells its host whom a read touched, for the
 * audit ledger: the host sets `context.recordAccess`; the subschema calls it, and never audits itself.
 */
export interface AccessReportingContext {
  recordAccess?: (report: AccessReport) => void;
}

/**
 * Reports to the request's host (the hub's audit trail) that this request read data about these subjects
 * or civil servants — also data that never reaches the answer, such as a check's evidence. Does nothing
 * when the host did not ask (`context.recordAccess` unset). Returns nothing and never throws.
 */
export function reportAccess(context: unknown, report: AccessReport): void {
  (context as AccessReportingContext | null)?.recordAccess?.(report);
}
