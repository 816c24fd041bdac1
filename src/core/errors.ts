/** One root for every error Sitrep raises on purpose; the CLI prints `message` alone for these. */
export class SitrepError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SitrepError";
    this.code = code;
  }
}

/** A bad input document: names the file, the line when there is one, and the problem. */
export class InputError extends SitrepError {
  readonly file: string;
  readonly line: number | null;
  constructor(file: string, line: number | null, reason: string, options?: { cause?: unknown }) {
    super("EINPUT", `${file}${line === null ? "" : `:${line}`}: ${reason}`, options);
    this.name = "InputError";
    this.file = file;
    this.line = line;
  }
}

/** A bad option or setting. */
export class ConfigError extends SitrepError {
  readonly key: string;
  constructor(key: string, reason: string) {
    super("ECONFIG", `${key}: ${reason}`);
    this.name = "ConfigError";
    this.key = key;
  }
}

/** Rules data (dictionaries, patterns, gazetteer) that cannot be loaded. */
export class DataError extends SitrepError {
  readonly file: string;
  constructor(file: string, reason: string, options?: { cause?: unknown }) {
    super("EDATA", `${file}: ${reason}`, options);
    this.name = "DataError";
    this.file = file;
  }
}

/** A store that cannot be opened, migrated, read or written: says which operation, wraps the driver's error. */
export class StoreError extends SitrepError {
  readonly op: string;
  constructor(op: string, reason: string, options?: { cause?: unknown }) {
    super("ESTORE", `${op}: ${reason}`, options);
    this.name = "StoreError";
    this.op = op;
  }
}

/** An id that names nothing stored. */
export class NotFoundError extends SitrepError {
  constructor(kind: string, id: string) {
    super("ENOTFOUND", `no ${kind} ${id}`);
    this.name = "NotFoundError";
  }
}
