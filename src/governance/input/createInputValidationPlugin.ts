import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { DocumentNode } from 'graphql';
import { containsStringProblem, findBadInput, type BadInput, type FindBadInputOptions } from './findBadInput.js';
import { badUserInput } from '../../codes/index.js';

/**
 * An Apollo Server plugin refusing, after validation and before execution, an operation whose arguments
 * (literals or variables, at any depth of input objects and lists) hold a NUL character or an impossible
 * date: HTTP 400 and one error `{ code: 'BAD_USER_INPUT', argumentName }` naming the argument and the fix.
 * Such values would otherwise reach a platform or the database and fail there as internal errors.
 * A document's literals are judged once (Apollo hands the same parsed document to every request with its text);
 * the document is walked again only when a variable holds a string with a problem, to name the argument.
 */
export function createInputValidationPlugin<TContext extends BaseContext = BaseContext>(options: FindBadInputOptions = {}): ApolloServerPlugin<TContext> {
  const literalVerdicts = new WeakMap<DocumentNode, BadInput | null>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          const variables = request.variables ?? {};
          let bad: BadInput | null;
          if (containsStringProblem(variables)) {
            bad = findBadInput(schema, document, variables, options);
          } else {
            bad = literalVerdicts.get(document) ?? null;
            if (!literalVerdicts.has(document)) {
              bad = findBadInput(schema, document, {}, options);
              literalVerdicts.set(document, bad);
            }
          }
          if (!bad) return;
          throw badUserInput(`Argument "${bad.argument}": ${bad.problem}`, { argumentName: bad.argument, http: { status: 400 } });
        },
      };
    },
  };
}
