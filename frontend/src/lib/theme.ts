import { createStore } from "zustand/vanilla";
import { readPreference, writePreference } from "@/lib/stored-preference";

export const THEMES = ["light", "dark", "system"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_STORAGE_KEY = "tb-theme";

const isTheme = (value: unknown): value is Theme => typeof value === "string" && (THEMES as readonly string[]).includes(value);

/** The chosen theme; `system` follows the operating system. public/boot.js applies it before paint. */
export const themeStore = createStore<{ theme: Theme }>(() => ({ theme: "system" }));

export function systemPrefersDark(): boolean {
  return typeof window !== "undefined" && window.matchMedia("(prefers-color-scheme: dark)").matches;
}

export function resolvedTheme(theme: Theme): "light" | "dark" {
  return theme === "system" ? (systemPrefersDark() ? "dark" : "light") : theme;
}

export function applyTheme(theme: Theme) {
  if (typeof document === "undefined") return;
  document.documentElement.classList.toggle("dark", resolvedTheme(theme) === "dark");
}

export function setTheme(theme: Theme) {
  themeStore.setState({ theme });
  writePreference(THEME_STORAGE_KEY, theme);
  applyTheme(theme);
}

if (typeof window !== "undefined") {
  const stored = readPreference(THEME_STORAGE_KEY);
  if (isTheme(stored)) themeStore.setState({ theme: stored });
}
