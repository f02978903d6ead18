import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from './logger.js';

/** Logs one JSON line per GraphQL operation: name, duration and error codes. */
export function createRequestLogPlugin(logger: Logger): ApolloServerPlugin<object> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ request, response, errors }) {
          const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const codes = (errors ?? body?.errors ?? []).map((e) => String(e.extensions?.code ?? 'UNKNOWN'));
          logger.info('graphql operation', {
            operationName: request.operationName ?? null,
            durationMs: Math.round(durationMs * 10) / 10,
            errors: codes.length ? codes : undefined,
          });
        },
      };
    },
  };
}
