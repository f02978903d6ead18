/** The platform's body did not have the shape its API promises; `path` says where. */
export class MalformedBodyError extends Error {
  constructor(readonly path: string, expected: string, got: unknown) {
    super(`${path}: expected ${expected}, got ${describe(got)}`);
    this.name = 'MalformedBodyError';
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing (the member is missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/**
 * Reads a decoded JSON body defensively, remembering the path so that a wrong shape is reported as
 * e.g. `data.items[3].prjNum: expected a string, got null`. Every getter throws MalformedBodyError;
 * adapters never trust a platform's body.
 */
export class JsonReader {
  // The path is written out only when asked (an error names it): a body of thousands of values then
  // costs one small object per value read, not a string per value too.
  private written: string | undefined;
  private parent: JsonReader | undefined;
  private step: string | number | undefined;

  constructor(readonly value: unknown, path = 'body') {
    this.written = path;
  }

  private child(value: unknown, step: string | number): JsonReader {
    const reader = new JsonReader(value);
    reader.written = undefined;
    reader.parent = this;
    reader.step = step;
    return reader;
  }

  /** Where this value is in the body, e.g. `body.data.items[3].prjNum`. */
  get path(): string {
    this.written ??= typeof this.step === 'number' ? `${this.parent!.path}[${this.step}]` : `${this.parent!.path}.${this.step}`;
    return this.written;
  }

  private get object(): Record<string, unknown> {
    if (typeof this.value !== 'object' || this.value === null || Array.isArray(this.value)) {
      throw new MalformedBodyError(this.path, 'an object', this.value);
    }
    return this.value as Record<string, unknown>;
  }

  /** The member `key` (which may be missing: then its value is undefined). */
  get(key: string): JsonReader {
    return this.child(this.object[key], key);
  }

  /** The elements of an array. */
  items(): JsonReader[] {
    if (!Array.isArray(this.value)) throw new MalformedBodyError(this.path, 'an array', this.value);
    return this.value.map((item, i) => this.child(item, i));
  }

  string(): string {
    if (typeof this.value !== 'string') throw new MalformedBodyError(this.path, 'a string', this.value);
    return this.value;
  }

  optionalString(): string | null {
    return this.value === undefined || this.value === null ? null : this.string();
  }

  number(): number {
    if (typeof this.value !== 'number' || !Number.isFinite(this.value)) throw new MalformedBodyError(this.path, 'a number', this.value);
    return this.value;
  }

  optionalNumber(): number | null {
    return this.value === undefined || this.value === null ? null : this.number();
  }

  integer(): number {
    const n = this.number();
    if (!Number.isInteger(n)) throw new MalformedBodyError(this.path, 'a whole number', n);
    return n;
  }

  boolean(): boolean {
    if (typeof this.value !== 'boolean') throw new MalformedBodyError(this.path, 'true or false', this.value);
    return this.value;
  }

  /** A string that must be one of `allowed` (a platform code list). */
  oneOf<T extends string>(allowed: readonly T[]): T {
    const s = this.string();
    if (!(allowed as readonly string[]).includes(s)) throw new MalformedBodyError(this.path, `one of ${allowed.join(', ')}`, s);
    return s as T;
  }

  /** A calendar date written YYYY-MM-DD, or the platform's YYYYMMDD. Returns YYYY-MM-DD. */
  date(): string {
    const s = this.string();
    const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(s);
    if (!m) throw new MalformedBodyError(this.path, 'a date YYYY-MM-DD or YYYYMMDD', s);
    return `${m[1]}-${m[2]}-${m[3]}`;
  }

  optionalDate(): string | null {
    return this.value === undefined || this.value === null || this.value === '' ? null : this.date();
  }
}
