import type { MergedTypeConfig } from '@graphql-tools/delegate';

/**
 * The batched merge config of a type the adapter extends by USCC (Enterprise, GovernmentBody): the
 * gateway hands all the subjects of one level to the hidden root field `fieldName(usccs:)` at once.
 */
export function mergeByUscc(fieldName: string): MergedTypeConfig {
  return {
    selectionSet: '{ uscc }',
    fieldName,
    key: ({ uscc }: { uscc: string }) => uscc,
    argsFromKeys: (usccs: readonly string[]) => ({ usccs }),
  };
}

/**
 * The resolver of such a hidden root field: one `{ uscc }` stub per key, in key order, without calling
 * the platform; the stub's fields load through the request's loaders.
 */
export function usccStubs(_parent: unknown, args: { usccs: string[] }): { uscc: string }[] {
  return args.usccs.map((uscc) => ({ uscc }));
}
