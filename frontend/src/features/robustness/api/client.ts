import { api, unwrap } from "@/lib/api/client";

/*
 * The robustness endpoints are not in the generated schema yet (their backend is built alongside), so
 * their calls go through the same client (its token, refresh-on-401 and error handling) without the
 * path typing; the answers are typed by ./types.ts. Once schema.d.ts is regenerated these become
 * ordinary `api.GET("/api/v1/...")` calls.
 */
type Init = {
  params?: { path?: Record<string, string>; query?: Record<string, string | number | undefined> };
  body?: unknown;
  signal?: AbortSignal;
};
type Call = (path: string, init?: Init) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
const untyped = api as unknown as { GET: Call; POST: Call; DELETE: Call };

export const getJson = <T>(path: string, init?: Init) => unwrap(untyped.GET(path, init)) as Promise<T>;
export const postJson = <T>(path: string, init?: Init) => unwrap(untyped.POST(path, init)) as Promise<T>;
export const deleteJson = (path: string, init?: Init) => unwrap(untyped.DELETE(path, init)) as Promise<unknown>;
