import { DEFAULT_OPERATION_LIMITS, type OperationLimitName, type OperationLimits } from './OperationLimits.js';

/**
 * An operation limit set to an unusable value; `variable` names the environment variable and the
 * message says what it accepts. (Same shape as the hub's ConfigError, which governance may not import.)
 */
export class OperationLimitConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = 'OperationLimitConfigError';
  }
}

/** The environment variable and accepted range of each limit. */
const VARIABLES: Record<OperationLimitName, { name: string; min: number; max: number }> = {
  maxDepth: { name: 'LIMIT_MAX_DEPTH', min: 1, max: 100 },
  maxAliases: { name: 'LIMIT_MAX_ALIASES', min: 0, max: 10_000 },
  maxTokens: { name: 'LIMIT_MAX_TOKENS', min: 100, max: 1_000_000 },
  maxCost: { name: 'LIMIT_MAX_COST', min: 1, max: 1_000_000_000 },
  maxBodyBytes: { name: 'LIMIT_MAX_BODY_BYTES', min: 1024, max: 104_857_600 },
  maxResponseBytes: { name: 'LIMIT_MAX_RESPONSE_BYTES', min: 1024, max: 1_073_741_824 },
  maxExecutionMs: { name: 'LIMIT_MAX_EXECUTION_MS', min: 10, max: 600_000 },
};

/**
 * Reads LIMIT_MAX_DEPTH, LIMIT_MAX_ALIASES, LIMIT_MAX_TOKENS, LIMIT_MAX_COST, LIMIT_MAX_BODY_BYTES,
 * LIMIT_MAX_RESPONSE_BYTES and LIMIT_MAX_EXECUTION_MS;
 * an unset or empty variable keeps its DEFAULT_OPERATION_LIMITS value. Throws OperationLimitConfigError
 * naming the variable when a value is not a whole number in its range.
 */
export function readOperationLimits(env: NodeJS.ProcessEnv = process.env): OperationLimits {
  const limits = { ...DEFAULT_OPERATION_LIMITS };
  for (const [limit, { name, min, max }] of Object.entries(VARIABLES) as [OperationLimitName, (typeof VARIABLES)[OperationLimitName]][]) {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      throw new OperationLimitConfigError(name, `${limit} must be a whole number from ${min} to ${max}, got "${env[name]}"`);
    }
    limits[limit] = value;
  }
  return Object.freeze(limits);
}
