import DataLoader from 'dataloader';
import { isShenzhenAreaCode } from '../../codes/index.js';
import { readPageWindow, toConnection, type PageWindow } from './commitmentPage.js';
import type { CommitmentPage, GovernmentIntegrityStore } from './GovernmentIntegrityStore.js';
import { badInput } from './integrityErrors.js';
import { toCommitment } from './toCommitment.js';

interface CommitmentFilterInput {
  districts?: string[] | null;
  kinds?: string[] | null;
  statuses?: string[] | null;
  overdue?: boolean | null;
}

// A list given must name something: an empty one would silently match nothing.
function listOf(values: string[] | null | undefined, argumentName: string): string[] | null {
  if (values === null || values === undefined) return null;
  if (values.length === 0) throw badInput(argumentName, 'give at least one value, or leave it out for all');
  return [...new Set(values)];
}

function readDistricts(codes: string[] | null | undefined): string[] | null {
  (codes ?? []).forEach((code, i) => {
    if (!isShenzhenAreaCode(code)) {
      throw badInput(`filter.districts[${i}]`, `"${code}" is not a Shenzhen area code; use a code of the \`districts\` query, e.g. 440305 (Nanshan) or 4403DP (Dapeng New Area)`);
    }
  });
  return listOf(codes, 'filter.districts');
}

/**
 * Resolvers of the commitments read by enterprise and in the register: `Enterprise.commitmentsOwed` (every
 * enterprise of one level with the same arguments in one batch: two queries) and `Query.commitments`.
 */
export function createCommitmentListResolvers(store: GovernmentIntegrityStore, today: () => string) {
  // Per request, one loader per (status, window): the enterprises of a level usually share them.
  const owedLoaders = new WeakMap<object, Map<string, DataLoader<string, CommitmentPage>>>();
  const owedLoader = (context: object, status: string | null, window: PageWindow) => {
    let family = owedLoaders.get(context);
    if (!family) owedLoaders.set(context, (family = new Map()));
    const key = `${status ?? ''}|${window.offset}|${window.limit}`;
    let loader = family.get(key);
    if (!loader) {
      loader = new DataLoader((usccs: readonly string[]) => store.commitmentsOwedTo(usccs, status, window.offset, window.limit));
      family.set(key, loader);
    }
    return loader;
  };
  const connectionOf = (page: CommitmentPage, window: PageWindow) => {
    const now = today();
    return toConnection(page.rows.map((r) => toCommitment(r, now)), window, page.total);
  };

  return {
    Enterprise: {
      async commitmentsOwed(enterprise: { uscc: string }, args: { status?: string | null; first?: number | null; after?: string | null }, context: object) {
        const window = readPageWindow(args);
        return connectionOf(await owedLoader(context, args.status ?? null, window).load(enterprise.uscc), window);
      },
    },
    Query: {
      _integrityEnterprisesByUscc: (_root: unknown, { usccs }: { usccs: string[] }) => usccs.map((uscc) => ({ uscc })),
      async commitments(_root: unknown, args: { filter?: CommitmentFilterInput | null; first?: number | null; after?: string | null }) {
        const filter = args.filter ?? {};
        const window = readPageWindow(args);
        const page = await store.commitmentRegister({
          districts: readDistricts(filter.districts),
          kinds: listOf(filter.kinds, 'filter.kinds'),
          statuses: listOf(filter.statuses, 'filter.statuses'),
          overdue: filter.overdue ?? null,
          today: today(),
        }, window.offset, window.limit);
        return connectionOf(page, window);
      },
    },
  };
}
