import { execute, parse, validate, type GraphQLError } from 'graphql';
import { codedError } from '../codes/index.js';
import { PLATFORMS, type SourcePlatform } from '../../gateways/shared/index.js';
import type { PlatformFigures, PlatformIndicatorSource } from '../workflows/index.js';
import type { ConnectedPlatforms } from './connectPlatforms.js';

// The adapters' own batch root fields (the ones stitching merges GovernmentBody through): one call per
// platform for every body, chunked by the client at the platform's limit. When the platforms' APIs take a
// period (issue 12 item 3), pass `period.from`/`period.to` to these fields; today the figures are the
// platform's own window, which the evidence records.
const GOV_SERVICE_QUERY = parse(`query ($usccs: [USCC!]!) { bodies: _govServiceGovernmentBodiesByUscc(usccs: $usccs) { uscc
  serviceReviewSummary { periodStart periodEnd reviewCount badReviewCount finishedCases onTimeRate reviewsByLevel { level count } } } }`);
const CONSTRUCTION_QUERY = parse(`query ($usccs: [USCC!]!) { bodies: _constructionGovernmentBodiesByUscc(usccs: $usccs) { uscc
  approvalPerformance { asOf approvalsHandled overdueApprovals } } }`);

interface ServiceSummary {
  periodStart: string; periodEnd: string; reviewCount: number; badReviewCount: number; finishedCases: number; onTimeRate: number | null;
  reviewsByLevel: { level: string; count: number }[];
}
interface ApprovalSummary { asOf: string; approvalsHandled: number; overdueApprovals: number }

function unavailable(platform: SourcePlatform, cause: string): GraphQLError {
  return codedError('SOURCE_UNAVAILABLE', `the ${PLATFORMS[platform].title} could not give the integrity evaluation its indicators (${cause}); nothing was stored, try again when it answers`, { platform, cause });
}

/**
 * The evaluation's PlatformIndicatorSource over the hub's platform adapters: runs each adapter's batch
 * root field on its own subschema (the gateway's client behind its loaders, as a stitched query would),
 * one request per platform for all bodies. Any error — the platform down, slow, switched off, or not
 * connected — rejects with SOURCE_UNAVAILABLE naming the platform and the cause: the evaluation is not
 * stored with holes. A body the platform has no figures for gets null (the indicator does not apply).
 */
export function createPlatformIndicatorSource(adapters: ConnectedPlatforms['adapters']): PlatformIndicatorSource {
  async function run<T>(platform: SourcePlatform, document: ReturnType<typeof parse>, usccs: readonly string[]): Promise<Map<string, T | null>> {
    const adapter = adapters.find((a) => a.platform === platform);
    if (!adapter?.subschema.schema) throw unavailable(platform, 'not connected to this hub');
    // execute() does not validate: a field the adapter lacks would silently be missing.
    const invalid = validate(adapter.subschema.schema, document)[0];
    if (invalid) throw new Error(`createPlatformIndicatorSource: the ${platform} adapter's schema no longer has what the evaluation reads: ${invalid.message}`);
    const result = await execute({ schema: adapter.subschema.schema, document, variableValues: { usccs }, contextValue: {} });
    const error = result.errors?.[0];
    if (error) throw unavailable(platform, String(error.extensions.cause ?? error.message));
    const bodies = (result.data as { bodies: ({ uscc: string } & Record<string, unknown>)[] }).bodies;
    return new Map(bodies.map((b) => [b.uscc, (Object.entries(b).find(([key]) => key !== 'uscc')?.[1] ?? null) as T | null]));
  }
  return {
    async figuresOf(usccs) {
      if (usccs.length === 0) return new Map();
      const [service, approval] = await Promise.all([
        run<ServiceSummary>('GOV_SERVICE', GOV_SERVICE_QUERY, usccs),
        run<ApprovalSummary>('CONSTRUCTION_APPROVAL', CONSTRUCTION_QUERY, usccs),
      ]);
      return new Map(usccs.map((uscc): [string, PlatformFigures] => {
        const s = service.get(uscc) ?? null;
        const a = approval.get(uscc) ?? null;
        const level = (name: string) => s?.reviewsByLevel.find((l) => l.level === name)?.count ?? 0;
        return [uscc, {
          service: s && {
            reviews: s.reviewCount, goodReviews: level('VERY_SATISFIED') + level('SATISFIED'), badReviews: s.badReviewCount,
            // The graph gives the on-time share to 4 decimals, not the count: exact back to the count below 5,000
            // finished cases (the rounding error is under half a case). TODO: read the count once the
            // adapter exposes it (issue 12 item 3).
            finishedCases: s.finishedCases, onTimeFinishedCases: Math.round((s.onTimeRate ?? 0) * s.finishedCases), window: { from: s.periodStart, to: s.periodEnd },
          },
          // A department that approved nothing has no stages to be late in: no figures.
          approval: a && a.approvalsHandled > 0 ? { approvalStages: a.approvalsHandled, overdueApprovalStages: a.overdueApprovals, asOf: a.asOf } : null,
        }];
      }));
    },
  };
}
