/**
 * Where to go after signing in: the `next` the login page was given, if it is a path on this site;
 * anything else (another origin, `//evil.example`, `javascript:`) falls back to the dashboard.
 */
export function safeNext(next: string | null | undefined, fallback = "/dashboard"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  try {
    const url = new URL(next, "http://internal.invalid");
    if (url.origin !== "http://internal.invalid") return fallback;
    if (url.pathname === "/login" || url.pathname === "/register") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

export function loginPath(next: string): string {
  return `/login?next=${encodeURIComponent(next)}`;
}

/** The way from one auth page to the other, carrying `next` along unless it is the dashboard anyway. */
export function otherAuthPath(page: "/login" | "/register", next: string): string {
  return next === "/dashboard" ? page : `${page}?next=${encodeURIComponent(next)}`;
}
