import type { SourcePlatform } from './platforms.js';
import { SourceError } from './SourceError.js';

/** One page of a paged platform answer: the rows and the total the platform says it has. */
export interface PlatformPage<T> {
  total: number;
  rows: T[];
}

/**
 * Reads pages 1, 2, … through `fetchPage` until the rows seen reach the platform's `total` or a page is
 * empty (a total that overstates the pages must not loop forever). More than `maxPages` pages is
 * SOURCE_BAD_RESPONSE naming `what`. Resolves with every row in page order; rejects only with SourceError.
 */
export async function readAllPages<T>(
  platform: SourcePlatform,
  what: string,
  fetchPage: (pageNo: number) => Promise<PlatformPage<T>>,
  maxPages = 200,
): Promise<T[]> {
  const rows: T[] = [];
  for (let pageNo = 1; pageNo <= maxPages; pageNo++) {
    const page = await fetchPage(pageNo);
    rows.push(...page.rows);
    if (page.rows.length === 0 || rows.length >= page.total) return rows;
  }
  throw new SourceError(platform, 'SOURCE_BAD_RESPONSE', `${what} still had pages after ${maxPages} pages`);
}
