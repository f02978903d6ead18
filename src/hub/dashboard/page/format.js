/* Element building and number formatting shared by the panels: one way to show a count, a rate, an amount. */

const COUNT = new Intl.NumberFormat('en-US');

/** A whole number with thousands separators: 12345 → "12,345". */
export function formatCount(value) {
  return COUNT.format(value);
}

/** A share from 0 to 1 as a percentage with one decimal (0.9286 → "92.9%"); "—" when there is none. */
export function formatRate(value) {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`;
}

/** A number with one decimal (15.14 → "15.1"); "—" when there is none. */
export function formatOneDecimal(value) {
  return value === null || value === undefined ? '—' : value.toFixed(1);
}

const SCALE = 6;

/**
 * The exact sum of decimal strings such as amounts in 万元 ("86.5", "0.09"), as a decimal string without
 * trailing zeros ("86.59"); nulls count as nothing. Exact to six decimals (BigInt, no floating point).
 */
export function sumDecimals(values) {
  let total = 0n;
  for (const value of values) {
    if (value === null || value === undefined) continue;
    const [whole, fraction = ''] = String(value).split('.');
    const negative = whole.startsWith('-');
    const units = BigInt(whole.replace('-', '') || '0') * 10n ** BigInt(SCALE) + BigInt((fraction + '0'.repeat(SCALE)).slice(0, SCALE));
    total += negative ? -units : units;
  }
  const sign = total < 0n ? '-' : '';
  const digits = (total < 0n ? -total : total).toString().padStart(SCALE + 1, '0');
  const fraction = digits.slice(-SCALE).replace(/0+$/, '');
  return `${sign}${digits.slice(0, -SCALE)}${fraction ? `.${fraction}` : ''}`;
}

/**
 * Creates an element: `h('td', { testid: 'x', class: 'num' }, 'text', child)`. `testid` becomes
 * `data-testid`, `data` an object of data-* attributes; strings become text nodes (never HTML).
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'testid') element.dataset.testid = value;
    else if (name === 'data') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
  return element;
}

/** A headline figure: label, value, optional unit, the value's element carrying `testid`. */
export function figure(label, value, testid, unit = '') {
  return h('div', { class: 'figure' },
    h('span', { class: 'figure-value', testid }, value),
    unit ? h('span', { class: 'figure-unit' }, unit) : null,
    h('span', { class: 'figure-label' }, label));
}

/** A table: `columns` are header labels, `rows` arrays of cells (strings or elements); numbers right-aligned. */
export function table(columns, rows, attributes = {}) {
  return h('table', { class: 'dash-table', ...attributes },
    h('thead', {}, h('tr', {}, columns.map((column) => h('th', { scope: 'col' }, column)))),
    h('tbody', {}, rows));
}

/** Replaces `element`'s children with `children`, skipping null, undefined and false. */
export function fill(element, ...children) {
  element.replaceChildren(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
}

// The Chinese names of the kinds of credit record (信用信息类别), as the schema's CreditRecordKind describes them.
const KIND_NAMES = {
  ACCOUNTABILITY: '问责', ADMINISTRATIVE_LICENCE: '行政许可', ADMINISTRATIVE_PENALTY: '行政处罚', COMMENDATION: '表彰奖励',
  CREDIT_COMMITMENT: '信用承诺', DISCIPLINARY_SANCTION: '公务员处分', GOVERNMENT_SANCTION: '政务处分', JUDGMENT_DEFAULTER: '失信被执行人',
  JUDICIAL_JUDGMENT: '司法判决', PARTY_DISCIPLINE: '党纪处分', SERIOUS_DISHONESTY: '严重失信主体名单',
};

/** A kind of credit record for readers: its Chinese name (the code itself when the page does not know it). */
export function kindName(kind) {
  return KIND_NAMES[kind] ?? kind;
}

/** A table column header for a kind of credit record: the Chinese name, the code as its tooltip. */
export function kindHeader(kind) {
  return h('span', { title: kind }, kindName(kind));
}
