/**
 * Dynamic segments in a static export. A route like /strategies/[id] is exported once, for the
 * placeholder id `_` (out/strategies/_.html); the server answers every /strategies/<id> with that
 * page (FrontendConfiguration), and the page reads the real id from the address bar.
 */
export const PLACEHOLDER_PARAM = "_";

export function placeholderParams<K extends string>(name: K): Record<K, string>[] {
  return [{ [name]: PLACEHOLDER_PARAM } as Record<K, string>];
}

/** The path segment right after `prefix` (e.g. "/strategies/"), decoded; null on the placeholder. */
export function segmentAfter(pathname: string | null, prefix: string): string | null {
  if (!pathname?.startsWith(prefix)) return null;
  const segment = pathname.slice(prefix.length).split("/")[0] ?? "";
  if (!segment || segment === PLACEHOLDER_PARAM) return null;
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
