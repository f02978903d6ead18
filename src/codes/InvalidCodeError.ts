/** The kinds of identifier this module validates. */
export type CodeKind = 'USCC' | 'ORGANISATION_CODE' | 'CITIZEN_ID' | 'PROJECT_CODE';

/**
 * The failure branch shared by every `validate*` result: `normalised` is the input after
 * `normaliseCode`, `reason` a human sentence about what is wrong ("check character should be 6,
 * got 7"), `expected` the correct check character when the failure is a check mismatch.
 */
export type InvalidCode = { ok: false; normalised: string; reason: string; expected?: string };

// How each kind is named at the start of an error message.
const CODE_LABELS: Readonly<Record<CodeKind, string>> = {
  USCC: 'USCC',
  ORGANISATION_CODE: 'Organisation code',
  CITIZEN_ID: 'Citizen ID number',
  PROJECT_CODE: 'Project code',
};

/** Builds the failure branch of a validation result; `expected` is set only when given. */
export function toInvalidCode(normalised: string, reason: string, expected?: string): InvalidCode {
  return expected === undefined
    ? { ok: false, normalised, reason }
    : { ok: false, normalised, reason, expected };
}

/**
 * Thrown by the `parse*` functions when an identifier fails validation (a bad-input error).
 * `code` names the kind of identifier, `reason` is the validator's reason and `expected` the
 * correct check character when known. The message reads `USCC "…" is invalid: <reason>`;
 * pass `shownValue: undefined` to leave the value out of the message (personal data).
 */
export class InvalidCodeError extends Error {
  override readonly name = 'InvalidCodeError';
  readonly code: CodeKind;
  readonly reason: string;
  readonly expected?: string;

  constructor(code: CodeKind, shownValue: string | undefined, reason: string, expected?: string) {
    const subject =
      shownValue === undefined ? CODE_LABELS[code] : `${CODE_LABELS[code]} "${shownValue}"`;
    super(`${subject} is invalid: ${reason}`);
    this.code = code;
    this.reason = reason;
    if (expected !== undefined) this.expected = expected;
  }
}
