/**
 * HTTP errors: an `HttpError` carries its status; any other error is mapped from its `code`.
 * Bodies are `{"error": {"status", "code", "message"}}`, one line, nothing from a stack or the
 * database's own messages (those go to the server's log).
 */
import { SitrepError } from "../core/index.js";

export class HttpError extends SitrepError {
  readonly status: number;
  constructor(status: number, message: string, code = "EHTTP") {
    super(code, message);
    this.name = "HttpError";
    this.status = status;
  }
}

/** Statuses of our error codes; anything else is a 500. */
const STATUS_OF: Readonly<Record<string, number>> = { ENOTFOUND: 404, EINPUT: 400, ECONFIG: 400 };

export interface ErrorBody { error: { status: number; code: string; message: string } }

/** The status and body for `error`; `log` receives what a client must not see. */
export function errorResponse(error: unknown, log: (line: string) => void): { status: number; body: ErrorBody } {
  if (error instanceof HttpError) return { status: error.status, body: { error: { status: error.status, code: error.code, message: error.message } } };
  const status = error instanceof SitrepError ? STATUS_OF[error.code] : undefined;
  if (status !== undefined && error instanceof SitrepError) return { status, body: { error: { status, code: error.code, message: error.message } } };
  log(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  const code = error instanceof SitrepError ? error.code : "EINTERNAL";
  return { status: 500, body: { error: { status: 500, code, message: "the server could not answer this request (see its log)" } } };
}
