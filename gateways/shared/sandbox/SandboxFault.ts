/**
 * A fault a sandbox injects on demand, for tests and demonstrations. Applied to the next `times`
 * requests (every request when omitted) whose path starts with `pathPrefix` (any when omitted).
 */
export interface SandboxFault {
  /** Delay before answering (ms). */
  latencyMs?: number;
  /** Answer this HTTP status with a platform-style error body instead of the real answer. */
  status?: number;
  /** Never answer (the connection stays open until the client gives up or the sandbox stops). */
  hang?: boolean;
  /** Answer 200 with a body that is not valid JSON. */
  malformed?: boolean;
  /** Answer 200 with JSON of the wrong shape (the expected members missing). */
  wrongShape?: boolean;
  times?: number;
  pathPrefix?: string;
}

/** Checks a fault sent to a sandbox's admin endpoint; returns the reason it is unusable, or null. */
export function describeFaultProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'the body must be a JSON object';
  const fault = value as Record<string, unknown>;
  const allowed = ['latencyMs', 'status', 'hang', 'malformed', 'wrongShape', 'times', 'pathPrefix'];
  const unknownKey = Object.keys(fault).find((k) => !allowed.includes(k));
  if (unknownKey) return `unknown member "${unknownKey}"; use ${allowed.join(', ')}`;
  for (const key of ['latencyMs', 'status', 'times'] as const) {
    if (fault[key] !== undefined && (!Number.isInteger(fault[key]) || (fault[key] as number) < 0)) return `${key} must be a non-negative whole number`;
  }
  if (fault.status !== undefined && ((fault.status as number) < 100 || (fault.status as number) > 599)) return 'status must be an HTTP status 100-599';
  for (const key of ['hang', 'malformed', 'wrongShape'] as const) {
    if (fault[key] !== undefined && typeof fault[key] !== 'boolean') return `${key} must be true or false`;
  }
  if (fault.pathPrefix !== undefined && typeof fault.pathPrefix !== 'string') return 'pathPrefix must be a string';
  return null;
}
