import createClient, { type Middleware } from "openapi-fetch";
import { sessionStore, signedIn, signedOut } from "@/lib/auth/session";
import { languageStore } from "@/lib/i18n/store";
import { ApiError } from "./errors";
import type { paths, SchemaTokenResponse } from "./schema";

export const CSRF_COOKIE = "tb_csrf";
export const CSRF_HEADER = "X-CSRF-Token";
const AUTH_PATHS = ["/api/v1/auth/login", "/api/v1/auth/register", "/api/v1/auth/refresh", "/api/v1/auth/logout"];

export function readCookie(name: string): string | null {
  if (typeof document === "undefined") return null;
  const prefix = `${name}=`;
  const found = document.cookie.split("; ").find((part) => part.startsWith(prefix));
  return found ? decodeURIComponent(found.slice(prefix.length)) : null;
}

/** Headers for the cookie-authenticated auth calls (refresh, logout): the double-submit CSRF token. */
export function csrfHeaders(): Record<string, string> {
  const token = readCookie(CSRF_COOKIE);
  return token ? { [CSRF_HEADER]: token } : {};
}

type Fetch = typeof globalThis.fetch;

/** The UI's language, so the server's messages (errors, compile errors, import reasons) match it. */
export function languageHeaders(): Record<string, string> {
  return { "Accept-Language": languageStore.getState().language };
}

/** Every request of the client speaks the UI's current language (read when it is sent). */
const language: Middleware = {
  onRequest({ request }) {
    request.headers.set("Accept-Language", languageStore.getState().language);
    return request;
  },
};

/**
 * Creates the typed client. Its middleware adds the in-memory access token to every call, and on a
 * 401 from anything but the auth endpoints refreshes once (one refresh in flight per tab, serialised
 * across tabs with a Web Lock, because a refresh token presented twice ends the session) and retries
 * the request with the new token. When the refresh fails the session is signed out.
 */
export function createApiClient(options: { baseUrl?: string; fetch?: Fetch } = {}) {
  const doFetch: Fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  // Same origin: the static export is served by the API's own server (and `next dev` proxies /api).
  const baseUrl = options.baseUrl ?? (typeof window !== "undefined" ? window.location.origin : "");
  let refreshing: Promise<string | null> | null = null;
  const pendingRetries = new Map<string, Request>();

  async function requestRefresh(): Promise<string | null> {
    const response = await doFetch(
      new Request(`${baseUrl}/api/v1/auth/refresh`, {
        method: "POST",
        credentials: "same-origin",
        headers: { Accept: "application/json", ...languageHeaders(), ...csrfHeaders() },
      }),
    );
    if (!response.ok) return null;
    const body = (await response.json()) as SchemaTokenResponse;
    if (!body.access_token) return null;
    signedIn(body.access_token, body.user, body.expires_in);
    return body.access_token;
  }

  /** Refreshes the session from the httpOnly cookie; resolves to the new access token or null. */
  function refresh(): Promise<string | null> {
    refreshing ??= (async () => {
      try {
        const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
        const token = locks ? await locks.request("tb-refresh", () => requestRefresh()) : await requestRefresh();
        if (!token) signedOut();
        return token;
      } catch {
        // The network failed: keep the session as it is, the caller shows the error.
        return null;
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  const auth: Middleware = {
    async onRequest({ request, id }) {
      if (isAuthPath(request.url)) return request;
      const { expiresAt } = sessionStore.getState();
      let token = sessionStore.getState().accessToken;
      if (token && expiresAt && Date.now() >= expiresAt) {
        // Known to be expired: refresh first rather than fail and retry (uploads are not retried).
        token = (await refresh()) ?? token;
      }
      if (token && !request.headers.has("Authorization")) {
        request.headers.set("Authorization", `Bearer ${token}`);
      }
      // A body that is a file upload is not kept for a retry: it could be hundreds of megabytes.
      if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
        pendingRetries.set(id, request.clone());
      }
      return request;
    },
    async onResponse({ response, id }) {
      const retry = pendingRetries.get(id);
      pendingRetries.delete(id);
      if (response.status !== 401 || !retry) return response;
      const token = await refresh();
      if (!token) return response;
      retry.headers.set("Authorization", `Bearer ${token}`);
      return doFetch(retry);
    },
    onError({ id }) {
      pendingRetries.delete(id);
    },
  };

  const client = createClient<paths>({ baseUrl, fetch: doFetch, credentials: "same-origin" });
  client.use(language, auth);
  return { client, refresh };
}

function isAuthPath(url: string): boolean {
  const path = new URL(url, "http://localhost").pathname;
  return AUTH_PATHS.includes(path);
}

const instance = createApiClient();

/** The app's one API client. */
export const api = instance.client;
/** Silent refresh from the cookie (single-flight). */
export const refreshSession = instance.refresh;

/**
 * Awaits an openapi-fetch call and returns its data, or throws an {@link ApiError} (a problem
 * document, or status 0 when the network failed).
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (error) {
    throw ApiError.network(error);
  }
  if (!result.response.ok) throw ApiError.fromResponse(result.response, result.error);
  return result.data as T;
}
