import { buildASTSchema, parse, type GraphQLDirective } from 'graphql';
import { readSchemaFile } from '../../schema/readSchemaFile.js';

/**
 * The `@share` and `@personal` directive definitions of schema/governance.graphql (the one source the adapters
 * load too), as GraphQLDirective objects for type-graphql's `buildSchema({ directives })`. Throws when the
 * file lacks either.
 */
export function loadGovernanceDirectives(): GraphQLDirective[] {
  const schema = buildASTSchema(parse(readSchemaFile('governance.graphql')), { assumeValidSDL: true });
  return ['share', 'personal'].map((name) => {
    const directive = schema.getDirective(name);
    if (!directive) throw new Error(`schema/governance.graphql defines no @${name} directive; the credit schema needs it`);
    return directive;
  });
}
