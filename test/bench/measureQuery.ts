import type { Executor } from '@graphql-tools/utils';
import { graphql, parse, type ExecutionResult, type GraphQLSchema } from 'graphql';

/** Latency percentiles of one query over several variable sets, after warm-up runs. */
export interface QueryTimings {
  p50Ms: number;
  p95Ms: number;
  runs: number;
  /** CPU time of this whole process (all its threads, garbage collection included) per measured run, in ms. */
  cpuMsPerRun: number;
}

/**
 * Runs `source` once per entry of `variableSets` (a fresh context from `contextValue` each time, as a request would have),
 * discards the first `warmup` runs and returns p50/p95 of the rest and the process's CPU time per run. Throws on
 * any GraphQL error, so a benchmark never times failures. `afterRun` sees each measured run, e.g. to count statements; both hooks
 * may be asynchronous and are awaited outside the timed part. With `executor` the document runs through it (as stitching
 * runs a subschema, e.g. the credit store's compiled executor) instead of graphql-js on `schema`.
 */
export async function measureQuery(
  schema: GraphQLSchema,
  source: string,
  variableSets: Record<string, unknown>[],
  warmup: number,
  afterRun: () => unknown = () => undefined,
  beforeRun: () => unknown = () => undefined,
  contextValue: () => object = () => ({}),
  executor?: Executor,
): Promise<QueryTimings> {
  const document = parse(source);
  const timings: number[] = [];
  let cpuMicros = 0;
  for (const [i, variableValues] of variableSets.entries()) {
    await beforeRun();
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    const result = executor
      ? await executor({ document, variables: variableValues, context: contextValue() }) as ExecutionResult
      : await graphql({ schema, source, variableValues, contextValue: contextValue() });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const used = process.cpuUsage(cpu);
    if (result.errors) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
    if (i >= warmup) {
      timings.push(ms);
      cpuMicros += used.user + used.system;
      await afterRun();
    }
  }
  timings.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(timings[Math.min(timings.length - 1, Math.floor((p / 100) * timings.length))]! * 10) / 10;
  return { p50Ms: pct(50), p95Ms: pct(95), runs: timings.length, cpuMsPerRun: Math.round(cpuMicros / timings.length / 100) / 10 };
}
