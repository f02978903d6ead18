// Full-width forms U+FF01..U+FF5E map one-to-one onto ASCII U+0021..U+007E.
const FULL_WIDTH_OFFSET = 0xfee0;
const ALREADY_NORMAL = /^[0-9A-Z-]*$/;

/**
 * Normalises an identifier as typed by a person or found in source data: converts full-width
 * characters (U+FF01..U+FF5E, and the ideographic space U+3000) to ASCII, removes all whitespace
 * (leading, trailing and inner) and upper-cases ASCII letters. Nothing else is removed or changed
 * (hyphens stay), so positions in validation messages refer to this normalised string.
 * Never throws.
 */
export function normaliseCode(input: string): string {
  // Codes read back from the store or a platform are already normal: nothing below would change them.
  if (ALREADY_NORMAL.test(input)) return input;
  return input
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - FULL_WIDTH_OFFSET))
    .replace(/\u3000/g, ' ')
    .replace(/\s+/g, '')
    // ASCII only: String#toUpperCase would turn e.g. 'ß' into two characters and shift positions.
    .replace(/[a-z]/g, (ch) => ch.toUpperCase());
}

/**
 * Describes one character for a validation message: `'I'` for printable ASCII, `'中' (U+4E2D)`
 * otherwise, so invisible or look-alike characters can be identified.
 */
export function describeCharacter(ch: string): string {
  const codePoint = ch.codePointAt(0) ?? 0;
  if (codePoint >= 0x21 && codePoint <= 0x7e) return `'${ch}'`;
  return `'${ch}' (U+${codePoint.toString(16).toUpperCase().padStart(4, '0')})`;
}
