// Character folds of the key, the same as the trigger of migration 20261130000600_source_unit_authorities that
// sets credit_records.document_number_key (test/workflows/ingestion/documentNumberKey.test.ts checks both agree).
const FOLDS = new Map<string, string>();
for (let i = 0; i < 10; i++) FOLDS.set(String.fromCharCode(0xff10 + i), String(i));
for (let i = 0; i < 26; i++) {
  const upper = String.fromCharCode(65 + i);
  for (const from of [97 + i, 0xff21 + i, 0xff41 + i]) FOLDS.set(String.fromCharCode(from), upper);
}
for (const open of '[［(（【〖{｛') FOLDS.set(open, '〔');
for (const close of ']］)）】〗}｝') FOLDS.set(close, '〕');
for (const dash of '－‐‑–—') FOLDS.set(dash, '-');
for (const space of ' \t\u3000\u00a0') FOLDS.set(space, '');

/**
 * The canonical form of a document number (文书号), the key a decision is stored under with its authority:
 * full-width digits and Latin letters half-width, Latin letters upper case, every bracket form (〔〕 [] ［］ ()
 * （） 【】 〖〗 {} ｛｝) as 〔〕 (the form of official document numbers, GB/T 9704), hyphens as '-', white space
 * (space, tab, ideographic space, no-break space) dropped. So 深市监罚[2026]12号, 深市监罚（２０２６）12号 and
 * 深市监罚 〔2026〕 12号 are one decision: 深市监罚〔2026〕12号. Pure. The display form stays as reported.
 */
export function documentNumberKey(documentNumber: string): string {
  let key = '';
  for (const char of documentNumber) key += FOLDS.get(char) ?? char;
  return key;
}
