import { randomBytes } from 'node:crypto';

// Crockford-style alphabet without 0/O, 1/I/L and U: read aloud over the phone without confusion.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A receipt code: TS- and three groups of four characters, e.g. TS-7K2M-XQ9D-4HFA (about 59 bits of randomness). */
export const RECEIPT_CODE = /^TS-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/;

/**
 * A fresh receipt code (回执码) for a complaint: unguessable, so that it alone lets the complainant — or anyone it
 * is given to — follow the status without an account. Uses the system's cryptographic random source.
 */
export function makeReceiptCode(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]!);
  return `TS-${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8, 12).join('')}`;
}
