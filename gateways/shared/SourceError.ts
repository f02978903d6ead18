import { GraphQLError } from 'graphql';
import type { SourceErrorCode } from '../../src/codes/index.js';
import type { SourcePlatform } from './platforms.js';

/** Why a platform could not answer, as `extensions.code` (one of the public ErrorCodes). */
export type { SourceErrorCode };

/**
 * A connected platform failed to answer: down or switched off (SOURCE_UNAVAILABLE), too slow
 * (SOURCE_TIMEOUT), or answered something that is not its API (SOURCE_BAD_RESPONSE). Thrown from the
 * adapter's field resolvers, so the fields that platform serves become `null` with this error at their
 * path while the rest of the response stands. `extensions` name the platform and the cause.
 */
export class SourceError extends GraphQLError {
  constructor(readonly platform: SourcePlatform, readonly code: SourceErrorCode, readonly causeText: string) {
    super(`${platform}: ${causeText}`, { extensions: { code, platform, cause: causeText } });
    this.name = 'SourceError';
  }
}
