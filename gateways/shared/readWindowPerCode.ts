/** The items of one code in one window of a per-code paged list, with how many the code has in all. */
export interface CodeWindow<T> {
  total: number;
  rows: T[];
}

/** A window of a list: skip `offset` items, take `limit`. */
export interface ListWindow {
  offset: number;
  limit: number;
}

/**
 * The page (pageNo from 1, pageSize from 1 to `maxPageSize`) of a list paged at that size that holds the whole
 * window, and where the window starts in it; null when no single page does. A window of 0 items asks page 1
 * of size 1 (for the count).
 */
export function pageHolding(window: ListWindow, maxPageSize: number): { pageNo: number; pageSize: number; skip: number } | null {
  const { offset, limit } = window;
  if (limit === 0) return { pageNo: 1, pageSize: 1, skip: 0 };
  for (let pageSize = limit; pageSize <= maxPageSize; pageSize++) {
    const start = Math.floor(offset / pageSize) * pageSize;
    if (offset + limit <= start + pageSize) return { pageNo: start / pageSize + 1, pageSize, skip: offset - start };
  }
  return null;
}

/**
 * Reads the window of every code's list from a platform that pages per code (`fetchPage(codes, pageNo,
 * pageSize)` answers page `pageNo` of each code's list and its total): one call for all codes when one page
 * size holds the window (always when a client pages on with the same `first`), two otherwise. Every code is
 * in the answer; one the platform left out has no items. Rejects as `fetchPage` does.
 */
export async function readWindowPerCode<T>(
  codes: readonly string[],
  window: ListWindow,
  maxPageSize: number,
  fetchPage: (codes: readonly string[], pageNo: number, pageSize: number) => Promise<Map<string, CodeWindow<T>>>,
): Promise<Map<string, CodeWindow<T>>> {
  const page = pageHolding(window, maxPageSize);
  let pages: { skip: number; answers: Map<string, CodeWindow<T>>[] };
  if (page) {
    pages = { skip: page.skip, answers: [await fetchPage(codes, page.pageNo, page.pageSize)] };
  } else {
    const first = Math.floor(window.offset / window.limit) + 1;
    pages = { skip: window.offset - (first - 1) * window.limit, answers: await Promise.all([fetchPage(codes, first, window.limit), fetchPage(codes, first + 1, window.limit)]) };
  }
  return new Map(codes.map((code) => {
    const found = pages.answers.map((answer) => answer.get(code));
    const rows = found.flatMap((f) => f?.rows ?? []).slice(pages.skip, pages.skip + window.limit);
    return [code, { total: found.at(-1)?.total ?? found[0]?.total ?? 0, rows }];
  }));
}
