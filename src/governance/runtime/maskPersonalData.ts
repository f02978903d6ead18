import { maskCitizenId, maskPersonName } from '../../codes/index.js';

/** Kinds of personal data the schema marks with @personal. */
export type PersonalDataKind = 'ID_NUMBER' | 'PHONE' | 'NAME';

/**
 * Masks a personal value for display (脱敏): an ID number keeps its region, birth year and last four
 * (3423011964****3224); a phone number its first three and last four (138****5678); a person's name its
 * family name (张*, 欧阳**). Already masked or empty values pass through; non-strings are returned as is.
 */
export function maskPersonalData(kind: PersonalDataKind, value: unknown): unknown {
  if (typeof value !== 'string' || value === '' || value.includes('*')) return value;
  if (kind === 'ID_NUMBER') {
    try {
      return maskCitizenId(value);
    } catch {
      return `${value.slice(0, 6)}${'*'.repeat(Math.max(0, value.length - 10))}${value.slice(-4)}`;
    }
  }
  if (kind === 'PHONE') return value.length > 7 ? `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}` : '*'.repeat(value.length);
  return maskPersonName(value);
}
