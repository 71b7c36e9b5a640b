/**
 * A preference kept in localStorage (the theme, the language). Storage may be disabled or full: then
 * nothing is read, and a choice lasts for this page only.
 */
export function readPreference(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writePreference(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // storage may be disabled; the choice then lasts for this page only
  }
}
