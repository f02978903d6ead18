import type { ExecutionRequest, ExecutionResult, Executor } from '@graphql-tools/utils';
import { execute, getOperationAST, print, type DocumentNode, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/** How many compiled documents an executor keeps (the least recently used is dropped first). */
const MAX_DOCUMENTS = 500;

/**
 * An executor for the credit subschema that runs each query document as a compiled plan (graphql-jit): the document
 * is turned once into JavaScript specialised to its selections, which resolves a page of subjects and records in
 * about four fifths of graphql-js's time. Plans are kept by document object (the hub reuses its own documents) and
 * by text (stitching builds a new document object per request), at most 500, least recently used dropped.
 * Any answer carrying errors is computed again by graphql-js and that answer is returned, so errors — messages,
 * paths, codes, null propagation — are exactly graphql-js's; the credit graph only reads (no mutations), so the second
 * run changes nothing. A document graphql-jit cannot compile, and anything but a query, runs on graphql-js.
 */
export function createCompiledExecutor(schema: GraphQLSchema): Executor {
  const byDocument = new WeakMap<DocumentNode, CompiledQuery | null>();
  const byText = new Map<string, CompiledQuery | null>();

  const compiledFor = (document: DocumentNode, operationName: string | undefined): CompiledQuery | null => {
    const known = byDocument.get(document);
    if (known !== undefined) return known;
    const text = print(document);
    let compiled = byText.get(text);
    if (compiled === undefined) {
      const operation = getOperationAST(document, operationName);
      const result = operation?.operation === 'query' ? compileQuery(schema, document, operationName) : null;
      compiled = result && isCompiledQuery(result) ? result : null;
      if (byText.size >= MAX_DOCUMENTS) byText.delete(byText.keys().next().value!);
    } else {
      byText.delete(text);
    }
    byText.set(text, compiled);
    byDocument.set(document, compiled);
    return compiled;
  };

  const interpret = (request: ExecutionRequest) => execute({
    schema, document: request.document, variableValues: request.variables, contextValue: request.context,
    rootValue: request.rootValue, operationName: request.operationName,
  });

  return async (request: ExecutionRequest): Promise<ExecutionResult> => {
    const compiled = compiledFor(request.document, request.operationName);
    if (!compiled) return interpret(request);
    const result = await compiled.query(request.rootValue, request.context, request.variables ?? {});
    return result.errors?.length ? interpret(request) : (result as ExecutionResult);
  };
}
