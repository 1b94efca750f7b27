// The one way the dashboard talks to the API. The access token lives only in memory (never in
// storage a script could read); the refresh token is an httpOnly cookie the browser sends to
// /api/v1/auth. After a page load the first call restores the session through that cookie.
import { ApiError } from './errors';

const BASE = '/api/v1';

let accessToken: string | null = null;

/**
 * Whether this browser holds a session: the server sets a script-readable `torch_signed_in`
 * cookie (no secret in it) beside the httpOnly refresh cookie and clears both together. Without
 * it a first visit would ask /auth/refresh only to hear 401, and the console would show it.
 */
function maySignedIn(): boolean {
  return document.cookie.split('; ').includes('torch_signed_in=1');
}
/** Refresh tokens rotate and a reused one revokes the session: never refresh twice at once. */
let refreshing: Promise<boolean> | null = null;

export function setAccessToken(token: string | null) {
  accessToken = token;
}

interface TokenAnswer {
  accessToken: string;
}

/**
 * Tabs share the cookie, so two tabs refreshing at once would present the same token twice and
 * end the session. A Web Lock makes them take turns; the second one then sends the rotated cookie.
 */
async function oneTabAtATime<T>(work: () => Promise<T>): Promise<T> {
  if (typeof navigator !== 'undefined' && navigator.locks)
    return await navigator.locks.request('torch-auth-refresh', work);
  return work();
}

/** False when there is no session to renew; a network failure throws (it is not a sign-out). */
async function refreshAccessToken(): Promise<boolean> {
  refreshing ??= oneTabAtATime(async () => {
    const response = await fetch(`${BASE}/auth/refresh`, { method: 'POST', credentials: 'same-origin' });
    if (!response.ok) {
      setAccessToken(null);
      return false;
    }
    accessToken = ((await response.json()) as TokenAnswer).accessToken;
    return true;
  }).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** Sign-in and sign-out need no token and must not try to refresh one. */
  anonymous?: boolean;
}

/** Empty filters are left out, so `?q=&status=` never reaches the API. */
export function toQueryString(query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await apiResponse(path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** The successful response itself (a file download, say), with the same token and refresh handling. */
export async function apiResponse(path: string, options: RequestOptions = {}): Promise<Response> {
  const { method = 'GET', query, body, signal, anonymous = false } = options;

  const send = (token: string | null) =>
    fetch(`${BASE}${path}${toQueryString(query)}`, {
      method,
      signal,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        // A FormData body (a file upload) sets its own multipart type and boundary.
        ...(body !== undefined && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
        ...(token && !anonymous ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body instanceof FormData ? body : body !== undefined ? JSON.stringify(body) : undefined,
    });

  if (!anonymous && !accessToken && !(maySignedIn() && (await refreshAccessToken()))) {
    throw ApiError.signedOut();
  }
  const used = accessToken;
  let response = await send(used);
  if (response.status === 401 && !anonymous) {
    // Another call may already have refreshed while this one was in flight.
    const renewed = accessToken !== used || (await refreshAccessToken());
    if (renewed) response = await send(accessToken);
  }
  if (!response.ok) throw await ApiError.fromResponse(response);
  return response;
}
