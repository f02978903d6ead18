import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { findBadInput, type FindBadInputOptions } from './findBadInput.js';
import { badUserInput } from '../../codes/index.js';

/**
 * An Apollo Server plugin refusing, after validation and before execution, an operation whose arguments
 * (literals or variables, at any depth of input objects and lists) hold a NUL character or an impossible
 * date: HTTP 400 and one error `{ code: 'BAD_USER_INPUT', argumentName }` naming the argument and the fix.
 * Such values would otherwise reach a platform or the database and fail there as internal errors.
 */
export function createInputValidationPlugin<TContext extends BaseContext = BaseContext>(options: FindBadInputOptions = {}): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          const bad = findBadInput(schema, document, request.variables ?? {}, options);
          if (!bad) return;
          throw badUserInput(`Argument "${bad.argument}": ${bad.problem}`, { argumentName: bad.argument, http: { status: 400 } });
        },
      };
    },
  };
}
