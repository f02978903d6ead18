import { toDayNumber, toIsoDate, validateCitizenId, type Random } from '../../../src/codes/index.js';
import type { SampleCreditRecord } from '../SampleData.js';
import type { RecordContext, RecordDraft } from './draftRecord.js';
import { toCreditRecord } from './toCreditRecord.js';

const DIGITS = '0123456789';

/** Fills a certificate-number pattern: {area}, {year}, {uscc} and {nN} (N random digits). */
export function formatCertificate(random: Random, pattern: string, values: Readonly<Record<string, string>>): string {
  return pattern.replace(/\{(\w+)\}/g, (_, name: string) => {
    const digits = /^n(\d+)$/.exec(name);
    if (digits) return random.chars(DIGITS, Number(digits[1]));
    const value = values[name];
    if (value === undefined) throw new Error(`certificate pattern "${pattern}" needs {${name}}`);
    return value;
  });
}

const looksLikeCitizenId = (text: string): boolean =>
  (text.match(/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g) ?? []).some((candidate) => validateCitizenId(candidate).ok);

/** The day before the same date `years` later: the last day of a term starting on `isoDate`. */
function lastDayOfTerm(isoDate: string, years: number): string {
  const end = `${Number(isoDate.slice(0, 4)) + years}${isoDate.slice(4)}`;
  // toDayNumber rolls 29 February of a common year over to 1 March, so the step back gives 28 February.
  return toIsoDate(toDayNumber(end) - 1);
}

/**
 * An administrative licence (行政许可): not a negative record, so no window; IN_PUBLICITY while
 * valid, EXPIRED once `validTo` has passed.
 */
export function buildLicenceRecord(ctx: RecordContext, draft: RecordDraft): SampleCreditRecord {
  const { random, documentNumbers, asOfDay } = ctx;
  const { subject, theCase, authority, item } = draft;
  const validTo = lastDayOfTerm(draft.date, theCase.validYears ?? 5);
  const area = subject.districtCode === '440300' ? '440300' : subject.districtCode;
  const values = { area, year: String(draft.year), uscc: subject.organisation?.uscc ?? '' };
  let certificateNumber = formatCertificate(random, theCase.certificate ?? '{area}{n8}', values);
  // A construction permit number (area + date + sequence, 18 digits) can happen to pass the citizen-ID check; the
  // public output must never show what reads as an unmasked ID number, so such a draw is drawn again.
  for (let redraw = 0; redraw < 20 && looksLikeCitizenId(certificateNumber); redraw++) {
    certificateNumber = formatCertificate(random, theCase.certificate ?? '{area}{n8}', values);
  }
  const documentNumber = documentNumbers.decision(authority, item.definition.docSuffix, draft.year);
  const details = {
    licenceCategory: theCase.category ?? 'ORDINARY',
    licenceName: theCase.text,
    certificateName: theCase.certificateName ?? theCase.text,
    certificateNumber,
    validFrom: draft.date,
    validTo,
  };
  return toCreditRecord(draft, {
    documentNumber,
    title: `${subject.name}${theCase.text}`,
    content: `${authority.name}准予${subject.name}${theCase.text}，核发《${details.certificateName}》（编号${certificateNumber}），有效期至${validTo}。`,
    legalBasis: draft.basis ?? item.definition.legalBasis,
    severity: null,
    details,
  }, null, toDayNumber(validTo) < asOfDay ? 'EXPIRED' : 'IN_PUBLICITY');
}
