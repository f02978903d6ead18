import type { RecordFilter } from './CreditStore.js';
import { creditVisibilityOf } from './creditVisibility.js';

/**
 * The client's filter narrowed to what the request may see: with visibility 'DISCLOSED' (the default),
 * only records disclosed on the request's day; and only records of the catalogue disclosure classes the
 * request sees (PUBLIC items by default). Every list, count and statistic goes through
 * here, so pages, totals and statistics always agree.
 */
export function visibleTo(ctx: object, filter: RecordFilter): RecordFilter {
  const visibility = creditVisibilityOf(ctx);
  const visible: RecordFilter = visibility.records === 'ALL' ? { ...filter } : { ...filter, disclosedOn: visibility.today };
  const { disclosure } = visibility;
  if (disclosure) {
    visible.disclosureClasses = [...disclosure.classes];
    if (disclosure.ownSubjects.length && disclosure.ownSubjectClasses.length) {
      visible.ownSubjectClasses = [...disclosure.ownSubjectClasses];
      visible.ownSubjects = [...disclosure.ownSubjects];
    }
  }
  return visible;
}
