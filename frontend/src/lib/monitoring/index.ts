import type { BrowserOptions, ErrorEvent } from "@sentry/browser";

/**
 * Error reporting to Sentry: on only when the build sets NEXT_PUBLIC_SENTRY_DSN (with
 * NEXT_PUBLIC_SENTRY_RELEASE and NEXT_PUBLIC_SENTRY_ENVIRONMENT as tags); without it the SDK is never
 * even loaded and nothing leaves the browser. The page's CSP must allow the DSN's origin: set the
 * backend's (and nginx's) CSP_CONNECT_SRC to it.
 */
export interface MonitoringEnv {
  dsn?: string;
  release?: string;
  environment?: string;
}

/** Next inlines NEXT_PUBLIC_* at build time only where they are written out literally, as here. */
export function buildEnv(): MonitoringEnv {
  return {
    dsn: process.env.NEXT_PUBLIC_SENTRY_DSN,
    release: process.env.NEXT_PUBLIC_SENTRY_RELEASE,
    environment: process.env.NEXT_PUBLIC_SENTRY_ENVIRONMENT,
  };
}

export function sentryOptions(env: MonitoringEnv): BrowserOptions | null {
  const dsn = env.dsn?.trim();
  if (!dsn) {
    return null;
  }
  return {
    dsn,
    release: env.release?.trim() || undefined,
    environment: env.environment?.trim() || "production",
    // No user details, cookies, headers or bodies are collected (scrub() also removes what slips through).
    dataCollection: { userInfo: false, cookies: false, httpHeaders: false, httpBodies: [] },
    tracesSampleRate: 0,
    beforeSend: scrub,
  };
}

const SECRET_PATTERNS: readonly RegExp[] = [
  /Bearer\s+[A-Za-z0-9._~+/=-]+/gi,
  /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, // JWTs
  /tb_[A-Za-z0-9]{6,}_[A-Za-z0-9_-]+/g, // API keys
  /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, // email addresses
];

function mask(text: string): string {
  return SECRET_PATTERNS.reduce((masked, pattern) => masked.replace(pattern, "[redacted]"), text);
}

/** Nothing that identifies a person or opens a session leaves the browser. */
export function scrub(event: ErrorEvent): ErrorEvent {
  if (event.request) {
    delete event.request.cookies;
    delete event.request.headers;
    if (event.request.url) {
      event.request.url = event.request.url.replace(/([?&](?:token|access_token|refresh_token|key)=)[^&]*/gi, "$1[redacted]");
    }
  }
  if (event.user) {
    event.user = event.user.id ? { id: event.user.id } : undefined;
  }
  if (event.message) {
    event.message = mask(event.message);
  }
  event.exception?.values?.forEach((value) => {
    if (value.value) {
      value.value = mask(value.value);
    }
  });
  event.breadcrumbs = event.breadcrumbs?.map((crumb) => (crumb.message ? { ...crumb, message: mask(crumb.message) } : crumb));
  return event;
}

let started = false;

/**
 * Starts error reporting once, if configured. {@code extra} lets tests give the SDK a transport.
 * @returns whether reporting is on
 */
export async function startMonitoring(env: MonitoringEnv = buildEnv(), extra: Partial<BrowserOptions> = {}): Promise<boolean> {
  const options = sentryOptions(env);
  if (!options || started) {
    return false;
  }
  started = true;
  const Sentry = await import("@sentry/browser");
  Sentry.init({ ...options, ...extra });
  return true;
}
