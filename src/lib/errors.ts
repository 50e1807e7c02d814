/**
 * @module Errors that carry data. Every error a user can cause is a MizanError with a code, and where
 * known the file and line it concerns; the CLI reporter and the HTTP layer turn them into messages,
 * exit codes and statuses in one place each.
 */

export interface ErrorPlace {
  file?: string;
  line?: number;
}

/**
 * What an interface needs to say an error in its own language: the values the English message names,
 * and where one code covers several problems, which one (`problem`). `detail` is a technical message
 * from elsewhere (a parser's), shown as it is.
 */
export type ErrorData = Readonly<Record<string, string | number>>;

/**
 * A failure caused by input (a file, a query, a request): exit code 1, HTTP 4xx.
 *
 * @example new MizanError('bad-json', 'not valid JSON: Unexpected end of JSON input', { file, line: 3, data: { detail: 'Unexpected end of JSON input' } })
 */
export class MizanError extends Error {
  readonly code: string;
  readonly file?: string;
  readonly line?: number;
  readonly status: number;
  /** The message's values, for interfaces that translate by `code` (the editors' side, the subscribe pages). */
  readonly data: ErrorData;

  constructor(code: string, message: string, opts: ErrorPlace & { cause?: unknown; status?: number; data?: ErrorData } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'MizanError';
    this.code = code;
    this.file = opts.file;
    this.line = opts.line;
    this.status = opts.status ?? 400;
    this.data = opts.data ?? {};
  }

  /** The message prefixed with `file:line: ` where those are known. */
  where(): string {
    const place = this.file ? `${this.file}${this.line ? `:${this.line}` : ''}: ` : '';
    return place + this.message;
  }
}

/** A wrong command line: exit code 2. */
export class UsageError extends MizanError {
  constructor(message: string) {
    super('usage', message);
    this.name = 'UsageError';
  }
}

/** A thing that was asked for and does not exist: HTTP 404. */
export class NotFoundError extends MizanError {
  constructor(message: string) {
    super('not-found', message, { status: 404 });
    this.name = 'NotFoundError';
  }
}

/** A database that Mizan must not touch: corrupt, or written by a newer Mizan. */
export class DatabaseRefusedError extends MizanError {
  constructor(message: string, cause?: unknown) {
    super('database-refused', message, { cause, status: 500 });
    this.name = 'DatabaseRefusedError';
  }
}

/**
 * A database file that does not exist, asked for by something that only reads or reworks a database:
 * nothing is created in its place (a mistyped `--db` must not leave an empty site behind). Exit code 1.
 */
export class NoDatabaseError extends MizanError {
  /** The path that points at nothing, as it was given. */
  readonly path: string;

  constructor(path: string, message = `no database at ${path}`) {
    super('no-database', message, { status: 500 });
    this.name = 'NoDatabaseError';
    this.path = path;
  }
}

/**
 * What was wrong with a field, in words any interface can translate. `bad-date`: not a real calendar
 * day in the years 1000–9999; `bad-encoding`: bytes that are not UTF-8 text; `no-letters`: not one
 * letter or digit; `whole-number`: not a whole number of 0 or more.
 */
export type FieldRule =
  | 'required'
  | 'too-long'
  | 'too-short'
  | 'too-many'
  | 'too-few'
  | 'too-large'
  | 'too-small'
  | 'bad-format'
  | 'not-allowed'
  | 'invalid'
  | 'not-in-library'
  | 'bad-date'
  | 'bad-encoding'
  | 'no-letters'
  | 'whole-number';

/**
 * Input that failed a field's rule: the message stays a readable English sentence (CLI, logs, API),
 * and `field`, `rule` and `limit` let an interface say it in the reader's language.
 */
export class FieldError extends MizanError {
  readonly field: string;
  readonly rule: FieldRule;
  readonly limit?: number;
  /** Which item of a list field (1-based): the body's block 2. */
  readonly item?: number;
  /** The value refused, as given (cut short), when showing it helps: `fr` for an unknown language. */
  readonly value?: string;
  /** The values the field accepts, when they are few: the site's languages. */
  readonly allowed?: readonly string[];

  constructor(
    code: string,
    message: string,
    detail: { field: string; rule: FieldRule; limit?: number; item?: number; value?: string; allowed?: readonly string[] },
    opts: ErrorPlace & { status?: number; cause?: unknown; data?: ErrorData } = {},
  ) {
    super(code, message, opts);
    this.name = 'FieldError';
    this.field = detail.field;
    this.rule = detail.rule;
    this.limit = detail.limit;
    this.item = detail.item;
    this.value = detail.value === undefined ? undefined : detail.value.slice(0, 80);
    this.allowed = detail.allowed;
  }
}
