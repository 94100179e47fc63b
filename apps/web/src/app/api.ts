import { currentLanguage, i18n } from './i18n';

export interface ApiFieldError {
  field: string;
  code: string;
  message: string;
}

export interface ApiErrorBody {
  statusCode?: number;
  code?: string;
  message?: string;
  fields?: ApiFieldError[];
  requestId?: string;
  [extra: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: ApiFieldError[];
  readonly requestId?: string;
  readonly body: ApiErrorBody;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message || i18n.t('errors.unknown'));
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code ?? `http.${status}`;
    this.fields = Array.isArray(body.fields) ? body.fields : [];
    this.requestId = body.requestId;
    this.body = body;
  }
}

export function isApiError(err: unknown, status?: number): err is ApiError {
  return err instanceof ApiError && (status === undefined || err.status === status);
}

let csrfToken: string | null = null;
/** The session's CSRF token, for the few requests sent without apiRequest (an upload with progress). */
export function getCsrfToken(): string | null {
  return csrfToken;
}

export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? null;
}

type UnauthorizedListener = (err: ApiError) => void;
let unauthorizedListener: UnauthorizedListener | null = null;
/** Registered by the app shell: a 401 on any request (except login) ends the session. */
export function onUnauthorized(listener: UnauthorizedListener | null): void {
  unauthorizedListener = listener;
}

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue | QueryValue[]>;

export function buildQuery(params?: QueryParams): string {
  if (!params) return '';
  const sp = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (v === undefined || v === null || v === '') continue;
      sp.append(key, String(v));
    }
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

export interface ApiRequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not broadcast 401 to the session handler (login, me). */
  skipAuthRedirect?: boolean;
  /** Extra request headers (e.g. Idempotency-Key on a create). */
  headers?: Record<string, string>;
}

function buildHeaders(method: string, hasBody: boolean, extra?: Record<string, string>): Headers {
  const headers = new Headers({ ...extra, accept: 'application/json', 'accept-language': currentLanguage() });
  if (hasBody) headers.set('content-type', 'application/json');
  if (method !== 'GET' && csrfToken) headers.set('x-csrf-token', csrfToken);
  return headers;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: ApiErrorBody = {};
  try {
    const text = await res.text();
    body = text ? (JSON.parse(text) as ApiErrorBody) : {};
  } catch {
    body = {};
  }
  if (!body.message) {
    body.message = i18n.t(res.status >= 500 ? 'errors.server' : 'errors.unknown');
  }
  return new ApiError(res.status, body);
}

/** Low-level request: returns the raw Response on success, throws ApiError otherwise. */
export async function apiRequest(path: string, options: ApiRequestOptions = {}): Promise<Response> {
  const method = options.method ?? 'GET';
  const hasBody = options.body !== undefined;
  let res: Response;
  try {
    res = await fetch(path + buildQuery(options.query), {
      method,
      headers: buildHeaders(method, hasBody, options.headers),
      body: hasBody ? JSON.stringify(options.body) : undefined,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e;
    throw new ApiError(0, { code: 'network', message: i18n.t('errors.network') });
  }
  if (!res.ok) {
    const err = await toApiError(res);
    if (err.status === 401 && !options.skipAuthRedirect) unauthorizedListener?.(err);
    throw err;
  }
  return res;
}

/** JSON request helper used by all query/mutation hooks. */
export async function apiFetch<T = unknown>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const res = await apiRequest(path, options);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Download a file (e.g. xlsx export) through fetch so errors surface as ApiError. */
export async function apiDownload(path: string, query: QueryParams, fallbackName: string): Promise<void> {
  const res = await apiRequest(path, { query });
  const blob = await res.blob();
  const disposition = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  let name = fallbackName;
  try {
    if (star) name = decodeURIComponent(star[1].trim());
    else if (plain) name = plain[1];
  } catch {
    name = fallbackName;
  }
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Shared paged-response shape. */
export interface Paged<T> {
  items: T[];
  total: number;
  totalCapped?: boolean;
  page: number;
  pageSize: number;
}

export interface ItemsResponse<T> {
  items: T[];
}
