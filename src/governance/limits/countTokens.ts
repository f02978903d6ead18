import { Lexer, Source, TokenKind } from 'graphql';

/**
 * The number of lexical tokens in `source` as graphql-js's parser counts them for `maxTokens` (comments
 * excluded), but never more than `stopAfter + 1`: counting stops as soon as a limit of `stopAfter` is
 * known to be exceeded. Stops quietly at a lexical error, which the parser reports.
 */
export function countTokens(source: string, stopAfter = Number.POSITIVE_INFINITY): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (count <= stopAfter && lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    // A lexical error: the document is malformed, not too long.
  }
  return count;
}
