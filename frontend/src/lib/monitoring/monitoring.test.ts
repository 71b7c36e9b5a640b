import * as Sentry from "@sentry/browser";
import { describe, expect, it } from "vitest";
import { scrub, sentryOptions, startMonitoring } from "./index";

describe("error reporting", () => {
  it("is off without a DSN", async () => {
    expect(sentryOptions({})).toBeNull();
    expect(sentryOptions({ dsn: "  " })).toBeNull();
    expect(await startMonitoring({})).toBe(false);
  });

  it("tags events with release and environment and sends no personal data", () => {
    const options = sentryOptions({ dsn: "https://key@o1.ingest.sentry.io/2", release: "web@1.2.3", environment: "staging" });
    expect(options).toMatchObject({ release: "web@1.2.3", environment: "staging" });
    expect(options?.dataCollection).toMatchObject({ userInfo: false, cookies: false, httpHeaders: false });
    expect(sentryOptions({ dsn: "https://key@o1.ingest.sentry.io/2" })?.environment).toBe("production");
  });

  it("masks tokens, keys and email addresses", () => {
    const event = scrub({
      type: undefined,
      message: "failed for kim@example.com with Bearer abc.def.ghi",
      request: { url: "https://app.example/x?token=secret&page=2", headers: { Authorization: "Bearer x" }, cookies: { tb_refresh: "r" } },
      user: { id: "u1", email: "kim@example.com", ip_address: "1.2.3.4" },
      exception: { values: [{ type: "Error", value: "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig and tb_abcdef12_secretpart" }] },
    });
    expect(event.message).toBe("failed for [redacted] with [redacted]");
    expect(event.request?.headers).toBeUndefined();
    expect(event.request?.cookies).toBeUndefined();
    expect(event.request?.url).toBe("https://app.example/x?token=[redacted]&page=2");
    expect(event.user).toEqual({ id: "u1" });
    expect(event.exception?.values?.[0]?.value).toBe("jwt [redacted] and [redacted]");
  });

  it("sends a captured error through the SDK with its tags", async () => {
    const envelopes: string[] = [];
    const started = await startMonitoring(
      { dsn: "https://key@o1.ingest.sentry.io/2", release: "web@9.9.9", environment: "test" },
      {
        transport: () => ({
          send: async (envelope) => {
            envelopes.push(JSON.stringify(envelope));
            return {};
          },
          flush: async () => true,
        }),
      },
    );
    expect(started).toBe(true);

    Sentry.captureException(new Error("chart failed for kim@example.com"));
    await Sentry.flush(2000);

    const sent = envelopes.join("\n");
    expect(sent).toContain("web@9.9.9");
    expect(sent).toContain('"environment":"test"');
    expect(sent).toContain("chart failed for [redacted]");
    expect(sent).not.toContain("kim@example.com");
    expect(await startMonitoring({ dsn: "https://key@o1.ingest.sentry.io/2" })).toBe(false); // once only
  });
});
