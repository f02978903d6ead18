import { describe, expect, it } from 'vitest';
import { DEFAULT_OPERATION_LIMITS, OperationLimitConfigError, readOperationLimits } from '../../../src/governance/limits/index.js';

describe('readOperationLimits', () => {
  it('keeps the defaults when nothing is set', () => {
    expect(readOperationLimits({})).toEqual({ maxDepth: 12, maxAliases: 30, maxTokens: 3000, maxCost: 250_000, maxBodyBytes: 1_048_576, maxResponseBytes: 8_388_608, maxExecutionMs: 10_000 });
    expect(readOperationLimits({ LIMIT_MAX_DEPTH: '' })).toEqual(DEFAULT_OPERATION_LIMITS);
  });

  it('reads every variable', () => {
    expect(readOperationLimits({
      LIMIT_MAX_DEPTH: '15', LIMIT_MAX_ALIASES: '0', LIMIT_MAX_TOKENS: ' 5000 ', LIMIT_MAX_COST: '50000', LIMIT_MAX_BODY_BYTES: '2097152',
      LIMIT_MAX_RESPONSE_BYTES: '4194304', LIMIT_MAX_EXECUTION_MS: '2500',
    })).toEqual({ maxDepth: 15, maxAliases: 0, maxTokens: 5000, maxCost: 50_000, maxBodyBytes: 2_097_152, maxResponseBytes: 4_194_304, maxExecutionMs: 2500 });
  });

  it.each([
    ['LIMIT_MAX_DEPTH', 'twelve', 'LIMIT_MAX_DEPTH: maxDepth must be a whole number from 1 to 100, got "twelve"'],
    ['LIMIT_MAX_DEPTH', '0', 'LIMIT_MAX_DEPTH: maxDepth must be a whole number from 1 to 100, got "0"'],
    ['LIMIT_MAX_ALIASES', '-1', 'LIMIT_MAX_ALIASES: maxAliases must be a whole number from 0 to 10000, got "-1"'],
    ['LIMIT_MAX_TOKENS', '3000.5', 'LIMIT_MAX_TOKENS: maxTokens must be a whole number from 100 to 1000000, got "3000.5"'],
    ['LIMIT_MAX_COST', '1e6', 'LIMIT_MAX_COST: maxCost must be a whole number from 1 to 1000000000, got "1e6"'],
    ['LIMIT_MAX_BODY_BYTES', '10', 'LIMIT_MAX_BODY_BYTES: maxBodyBytes must be a whole number from 1024 to 104857600, got "10"'],
    ['LIMIT_MAX_EXECUTION_MS', '5', 'LIMIT_MAX_EXECUTION_MS: maxExecutionMs must be a whole number from 10 to 600000, got "5"'],
  ])('names %s when it is %s', (variable, value, message) => {
    const read = () => readOperationLimits({ [variable]: value });
    expect(read).toThrow(OperationLimitConfigError);
    expect(read).toThrow(message);
    try {
      read();
    } catch (error) {
      expect((error as OperationLimitConfigError).variable).toBe(variable);
    }
  });
});
