/** Records per page when `first` is not given. */
export const DEFAULT_PAGE_SIZE = 20;
/** The most records one page may ask for; larger `first` values are refused, not truncated. */
export const MAX_PAGE_SIZE = 100;
