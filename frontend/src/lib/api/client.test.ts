import { beforeEach, describe, expect, it, vi } from "vitest";
import { sessionStore, signedIn } from "@/lib/auth/session";
import { languageStore } from "@/lib/i18n/store";
import { createApiClient, unwrap } from "./client";
import { ApiError } from "./errors";

const ORIGIN = "http://localhost:3000";

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json" },
  });
}

const tokens = (access: string) => ({
  access_token: access,
  token_type: "Bearer",
  expires_in: 900,
  refresh_token: "r",
  refresh_expires_in: 3600,
  user: { id: "u1", email: "kim@example.com", username: "quant_kim" },
});

/** A server stand-in: /auth/me needs "Bearer fresh"; /auth/refresh needs the CSRF header. */
function server(options: { refreshStatus?: number } = {}) {
  const calls: Request[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    calls.push(request);
    const path = new URL(request.url).pathname;
    if (path === "/api/v1/auth/refresh") {
      await new Promise((resolve) => setTimeout(resolve, 10));
      if (request.headers.get("X-CSRF-Token") !== "csrf-1") return json(403, { type: "/problems/csrf-token-invalid" });
      return options.refreshStatus ? json(options.refreshStatus, { type: "/problems/invalid-refresh-token" }) : json(200, tokens("fresh"));
    }
    if (request.headers.get("Authorization") !== "Bearer fresh") {
      return json(401, { type: "/problems/invalid-token", title: "Invalid token", status: 401 });
    }
    if (path === "/api/v1/strategies/validate") {
      const body = (await request.json()) as { code: string };
      return json(200, { valid: true, errors: [], parameters: [], outputs: [body.code] });
    }
    return json(200, { id: "u1", email: "kim@example.com", username: "quant_kim" });
  });
  return { fetch, calls, refreshes: () => calls.filter((c) => c.url.endsWith("/auth/refresh")).length };
}

describe("the API client", () => {
  beforeEach(() => {
    sessionStore.setState({ status: "unknown", accessToken: null, expiresAt: null, user: null });
    document.cookie = "tb_csrf=csrf-1; path=/";
  });

  it("sends the access token it holds in memory", async () => {
    const stub = server();
    const { client } = createApiClient({ baseUrl: ORIGIN, fetch: stub.fetch });
    signedIn("fresh", undefined, 900);

    const me = await unwrap(client.GET("/api/v1/auth/me"));

    expect(me.username).toBe("quant_kim");
    expect(stub.calls[0]?.headers.get("Authorization")).toBe("Bearer fresh");
    expect(stub.refreshes()).toBe(0);
  });

  it("asks for the UI's current language on every request, the refresh included", async () => {
    const stub = server();
    const { client } = createApiClient({ baseUrl: ORIGIN, fetch: stub.fetch });
    signedIn("stale", undefined, 900);
    languageStore.setState({ language: "ko" });

    await unwrap(client.GET("/api/v1/auth/me"));
    languageStore.setState({ language: "en" });
    await unwrap(client.GET("/api/v1/auth/me"));

    expect(stub.calls.map((c) => c.headers.get("Accept-Language"))).toEqual(["ko", "ko", "ko", "en"]);
  });

  it("refreshes once with the CSRF header on a 401, then retries the request with its body", async () => {
    const stub = server();
    const { client } = createApiClient({ baseUrl: ORIGIN, fetch: stub.fetch });
    signedIn("expired", undefined, 900);

    const result = await unwrap(client.POST("/api/v1/strategies/validate", { body: { code: "long_entry = true" } }));

    expect(result.outputs).toEqual(["long_entry = true"]);
    expect(stub.refreshes()).toBe(1);
    expect(stub.calls.map((c) => new URL(c.url).pathname)).toEqual([
      "/api/v1/strategies/validate",
      "/api/v1/auth/refresh",
      "/api/v1/strategies/validate",
    ]);
    expect(sessionStore.getState()).toMatchObject({ status: "authenticated", accessToken: "fresh" });
  });

  it("shares one refresh among requests that fail together", async () => {
    const stub = server();
    const { client } = createApiClient({ baseUrl: ORIGIN, fetch: stub.fetch });
    signedIn("expired", undefined, 900);

    const results = await Promise.all([1, 2, 3].map(() => unwrap(client.GET("/api/v1/auth/me"))));

    expect(results.every((me) => me.username === "quant_kim")).toBe(true);
    expect(stub.refreshes()).toBe(1);
  });

  it("signs out and reports the 401 when the refresh is refused", async () => {
    const stub = server({ refreshStatus: 401 });
    const { client } = createApiClient({ baseUrl: ORIGIN, fetch: stub.fetch });
    signedIn("expired", undefined, 900);

    const failure = await unwrap(client.GET("/api/v1/auth/me")).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(401);
    expect(sessionStore.getState()).toMatchObject({ status: "anonymous", accessToken: null });
  });

  it("never retries the auth endpoints themselves", async () => {
    const stub = server();
    stub.fetch.mockImplementationOnce(async () => json(401, { type: "/problems/invalid-credentials", title: "Bad", status: 401 }));
    const { client } = createApiClient({ baseUrl: ORIGIN, fetch: stub.fetch });

    const failure = await unwrap(client.POST("/api/v1/auth/login", { body: { login: "kim", password: "x" } })).catch(
      (error: unknown) => error,
    );

    expect((failure as ApiError).is("/problems/invalid-credentials")).toBe(true);
    expect(stub.refreshes()).toBe(0);
  });

  it("refreshes before sending when the token is known to have expired", async () => {
    const stub = server();
    const { client } = createApiClient({ baseUrl: ORIGIN, fetch: stub.fetch });
    signedIn("expired", undefined, 1);
    sessionStore.setState({ expiresAt: Date.now() - 1000 });

    await unwrap(client.GET("/api/v1/auth/me"));

    expect(stub.calls.map((c) => new URL(c.url).pathname)).toEqual(["/api/v1/auth/refresh", "/api/v1/auth/me"]);
  });

  it("turns a network failure into an ApiError with status 0", async () => {
    const { client } = createApiClient({
      baseUrl: ORIGIN,
      fetch: vi.fn(async () => {
        throw new TypeError("Failed to fetch");
      }),
    });

    const failure = await unwrap(client.GET("/api/v1/auth/me")).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(0);
  });
});
