import type { IncomingMessage, Server } from 'node:http';
import {
  execute, Kind, parse, specifiedRules, subscribe, validate, type DocumentNode, type ExecutionArgs, type ExecutionResult,
  type GraphQLFormattedError, type GraphQLSchema,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import {
  auditEntryFor, clearTrail, createOperationLimitRules, hashDocument, type AuditLedger, type IsTrustedDocument, type OperationLimits,
} from '../governance/index.js';
import { codedError, type ErrorCode } from '../codes/index.js';
import type { HubContext } from './createAdmission.js';
import type { Admission } from './createHttpHandler.js';
import type { Logger } from './logger.js';

/** What the WebSocket endpoint needs from the hub: the same admission, schemas, limits and ledger as HTTP. */
export interface SubscriptionServerDeps {
  httpServer: Server;
  /** Same path as queries, e.g. `/graphql`. */
  path: string;
  admit: (req: IncomingMessage) => Promise<Admission<HubContext>>;
  /** The schema a context may see: the internal one for roles that read restricted data, else the public one. */
  schemaFor: (context: HubContext) => GraphQLSchema;
  ledger: AuditLedger;
  limits: OperationLimits;
  isTrustedDocument: IsTrustedDocument;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  logger: Logger;
}

/** The running WebSocket endpoint. */
export interface SubscriptionServer {
  /** Closes every connection (code 1001, going away) and stops accepting new ones. */
  close(): Promise<void>;
}

// Close codes in graphql-ws's 4xxx range, named after the HTTP status admission chose.
const closeCodeOf = (status: number): number => 4000 + Math.min(Math.max(status, 400), 499);

const coded = (code: ErrorCode, message: string, extra: Record<string, unknown> = {}) => codedError(code, message, extra);

/** Request-like object admission reads: headers (the upgrade request's, overridden by connection_init's) and the peer. */
function admissionRequest(request: IncomingMessage, params: Readonly<Record<string, unknown>> | undefined): IncomingMessage {
  const headers: Record<string, string | string[] | undefined> = { ...request.headers };
  for (const [name, value] of Object.entries(params ?? {})) {
    const key = name.toLowerCase();
    if (typeof value === 'string' && ['authorization', 'x-purpose', 'x-case-reference'].includes(key)) headers[key] = value;
  }
  return { headers, socket: request.socket } as IncomingMessage;
}

interface Operation {
  source: string;
  operationName: string | null;
}

/**
 * GraphQL over WebSocket (`graphql-ws`, the protocol of Apollo Client and GraphiQL) on the hub's HTTP server,
 * governed like a query over HTTP:
 * - `connection_init` may carry `Authorization`, `X-Purpose`, `X-Case-Reference` as payload keys (a browser
 *   cannot set headers on a WebSocket); otherwise the upgrade request's headers count. Admission runs at
 *   connection (a refused caller is closed with 44xx and the reason) and again per operation (rate limit, a
 *   fresh audit trail);
 * - the operation is validated with the limit rules and, for trusted-documents-only consumers, must be
 *   registered; it runs on the schema the caller's roles allow, with per-field gates and masking;
 * - each result — each event of a subscription — with conditional or restricted data, a refusal or a mutation
 *   gets its own audit ledger entry before it is sent; when the ledger cannot be written, the event is
 *   replaced by an AUDIT_UNAVAILABLE error.
 */
export function createSubscriptionServer(deps: SubscriptionServerDeps): SubscriptionServer {
  const wss = new WebSocketServer({ server: deps.httpServer, path: deps.path, maxPayload: 1_048_576 });
  const operations = new WeakMap<object, Operation>();

  const audited = async (args: ExecutionArgs, result: ExecutionResult): Promise<ExecutionResult> => {
    const context = args.contextValue as HubContext;
    const operation = operations.get(context);
    const definition = args.document.definitions.find((d) => d.kind === 'OperationDefinition');
    const entry = auditEntryFor(context.governance, {
      operationName: operation?.operationName ?? null,
      source: operation?.source ?? null,
      mutation: definition?.kind === 'OperationDefinition' && definition.operation === 'mutation',
      failed: (result.errors?.length ?? 0) > 0,
    });
    clearTrail(context.governance);
    if (!entry) return result;
    try {
      await deps.ledger.append(entry);
      return result;
    } catch (error) {
      deps.logger.error('audit ledger write failed; event withheld', { err: error, consumer: context.actor.consumerId });
      return { errors: [coded('AUDIT_UNAVAILABLE', 'The audit ledger could not record this read, so no data is returned; try again shortly')] };
    }
  };

  async function* auditEach(args: ExecutionArgs, results: AsyncIterable<ExecutionResult>): AsyncGenerator<ExecutionResult> {
    // graphql-js runs an event's resolvers when the next result is pulled, so the trail holds this event only.
    for await (const result of results) yield await audited(args, result);
  }

  const disposable = useServer<Record<string, unknown>, { admitted?: boolean }>({
    async onConnect(ctx) {
      const admission = await deps.admit(admissionRequest(ctx.extra.request, ctx.connectionParams));
      if ('refusal' in admission) {
        ctx.extra.socket.close(closeCodeOf(admission.refusal.status), admission.refusal.message.slice(0, 120));
        return false;
      }
      return true;
    },
    async onSubscribe(ctx, _id, payload) {
      const admission = await deps.admit(admissionRequest(ctx.extra.request, ctx.connectionParams));
      if ('refusal' in admission) return [coded(admission.refusal.code, admission.refusal.message, admission.refusal.extensions)];
      const context = admission.context;
      const consumer = context.governance.caller.consumer;
      if (consumer?.trustedDocumentsOnly && !(await deps.isTrustedDocument(consumer.id, hashDocument(payload.query)))) {
        return [coded('FORBIDDEN', `consumer ${consumer.id} may run registered documents only; this text is not registered`)];
      }
      let document: DocumentNode;
      try {
        document = parse(payload.query, { maxTokens: deps.limits.maxTokens });
      } catch (error) {
        return [coded('GRAPHQL_PARSE_FAILED', (error as Error).message)];
      }
      const schema = deps.schemaFor(context);
      const variableValues = payload.variables ?? {};
      const errors = validate(schema, document, [...specifiedRules, ...createOperationLimitRules(deps.limits, variableValues)]);
      if (errors.length > 0) return errors.map((e) => (e.extensions.code ? e : coded('GRAPHQL_VALIDATION_FAILED', e.message)));
      // As Apollo records it: the name asked for, else the name of the document's only operation.
      const named = document.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value ?? null] : []));
      operations.set(context, { source: payload.query, operationName: payload.operationName ?? (named.length === 1 ? named[0]! : null) });
      return { schema, document, variableValues, operationName: payload.operationName ?? null, contextValue: context };
    },
    async execute(args) {
      return audited(args, await execute(args));
    },
    async subscribe(args) {
      const result = await subscribe(args);
      return Symbol.asyncIterator in result ? auditEach(args, result) : audited(args, result);
    },
    onNext(_ctx, _id, _payload, _args, result) {
      if (!result.errors?.length) return;
      return { ...result, errors: result.errors.map((error) => deps.formatError(error.toJSON(), error)) };
    },
    onError(_ctx, _id, _payload, errors) {
      return errors.map((error) => deps.formatError(error.toJSON(), error));
    },
  }, wss);

  return {
    async close() {
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
