/** The label value that stands for every value past the bound. */
export const OTHER_LABEL = '(other)';

/**
 * Returns a mapper that passes the first `max` distinct values through (cut to 100 characters) and maps
 * every later new value to OTHER_LABEL: label values that callers choose must not grow a scrape without bound.
 */
export function boundLabel(max: number): (value: string) => string {
  const seen = new Set<string>();
  return (value) => {
    const label = value.length > 100 ? value.slice(0, 100) : value;
    if (seen.has(label)) return label;
    if (seen.size >= max) return OTHER_LABEL;
    seen.add(label);
    return label;
  };
}
