/** Query logs are kept at least 5 years (Shenzhen regulations art. 44-45; DOMAIN.md §5). */
export const MINIMUM_AUDIT_RETENTION_YEARS = 5;

/**
 * The retention period from AUDIT_RETENTION_YEARS (default 5). It is reported (audit:verify, the
 * administrators' query) and never used to delete: nothing in the hub purges the ledger. Throws an Error
 * naming the variable when the value is not a whole number of at least 5.
 */
export function readAuditRetentionYears(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.AUDIT_RETENTION_YEARS;
  if (raw === undefined || raw === '') return MINIMUM_AUDIT_RETENTION_YEARS;
  const years = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!(years >= MINIMUM_AUDIT_RETENTION_YEARS)) {
    throw new Error(`AUDIT_RETENTION_YEARS must be a whole number of years, at least ${MINIMUM_AUDIT_RETENTION_YEARS}; got "${raw}"`);
  }
  return years;
}
