/**
 * The dashboard's one way to the HTTP API: same origin, `/api/...`, JSON, the bearer token (if the
 * user gave one) in a header, and every failure turned into an `ApiError` with the server's
 * one-line message.
 */

const TOKEN_KEY = "sitrep.token";

/** A failed request: the HTTP status (0 when the server did not answer) and its message. */
export class ApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
  }
  /** One line for the page: "The API answered 400: bad date 'x'". */
  describe(): string {
    return this.status === 0 ? this.message : `The API answered ${this.status}: ${this.message}`;
  }
}

/** The token the user pasted for this tab, or null (open demo mode needs none). */
export function getToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

function headers(): Record<string, string> {
  const token = getToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** The `/api` URL of a route with its query; empty values are left out. */
export function apiUrl(path: string, params?: URLSearchParams): string {
  const query = params?.toString() ?? "";
  return `/api/${path}${query ? `?${query}` : ""}`;
}

async function failure(res: Response): Promise<ApiError> {
  let message = res.statusText || "request failed";
  try {
    const body = (await res.json()) as { error?: { message?: unknown } };
    if (typeof body.error?.message === "string") message = body.error.message;
  } catch {
    // Not the API's JSON error body (a proxy's page, say): the status line says enough.
  }
  return new ApiError(res.status, message);
}

async function request(path: string, params?: URLSearchParams, signal?: AbortSignal): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(apiUrl(path, params), { headers: headers(), signal: signal ?? null });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError(0, `The API did not answer (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!res.ok) throw await failure(res);
  return res;
}

/**
 * GETs a route and returns its JSON as the contract's type (the server validates what it sends;
 * the dashboard only ever renders the values as text). `getJson<Health>("health")`
 */
export async function getJson<T>(path: string, params?: URLSearchParams, signal?: AbortSignal): Promise<T> {
  const res = await request(path, params, signal);
  try {
    return (await res.json()) as T;
  } catch {
    throw new ApiError(res.status, `/api/${path} did not answer JSON`);
  }
}

/** GETs a route as a Blob (the CSV export, which a plain link cannot send a token with). */
export async function getBlob(path: string, params?: URLSearchParams): Promise<Blob> {
  return (await request(path, params)).blob();
}

/** True when an error is a cancelled request that nobody needs to hear about. */
export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === "AbortError";
}
