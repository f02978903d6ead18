import { readFileSync } from 'node:fs';
import { buildASTSchema, parse, type GraphQLDirective } from 'graphql';

const GOVERNANCE_SDL = new URL('../../schema/governance.graphql', import.meta.url);

/**
 * The `@share` and `@personal` directive definitions of schema/governance.graphql (the one source the adapters
 * load too), as GraphQLDirective objects for type-graphql's `buildSchema({ directives })`. Throws when the
 * file lacks either.
 */
export function loadGovernanceDirectives(): GraphQLDirective[] {
  const schema = buildASTSchema(parse(readFileSync(GOVERNANCE_SDL, 'utf8')), { assumeValidSDL: true });
  return ['share', 'personal'].map((name) => {
    const directive = schema.getDirective(name);
    if (!directive) throw new Error(`schema/governance.graphql defines no @${name} directive; the credit schema needs it`);
    return directive;
  });
}
