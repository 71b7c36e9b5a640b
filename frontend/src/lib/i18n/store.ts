import { createStore } from "zustand/vanilla";
import { readPreference, writePreference } from "@/lib/stored-preference";

export const LANGUAGES = ["ko", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** The language pages are prerendered in; the browser switches right after hydration. */
export const PRERENDER_LANGUAGE: Language = "en";
export const LANGUAGE_STORAGE_KEY = "tb-language";

export const isLanguage = (value: unknown): value is Language =>
  typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);

/** The stored choice, else the browser's first preference we speak, else English. */
export function detectLanguage(stored: string | null, preferences: readonly string[] | undefined): Language {
  if (isLanguage(stored)) return stored;
  for (const preference of preferences ?? []) {
    const base = preference.toLowerCase().split("-")[0];
    if (isLanguage(base)) return base;
  }
  return "en";
}

export const languageStore = createStore<{ language: Language }>(() => ({ language: PRERENDER_LANGUAGE }));

export function setLanguage(language: Language) {
  languageStore.setState({ language });
  writePreference(LANGUAGE_STORAGE_KEY, language);
  if (typeof document !== "undefined") document.documentElement.lang = language;
}

if (typeof window !== "undefined") {
  languageStore.setState({ language: detectLanguage(readPreference(LANGUAGE_STORAGE_KEY), navigator.languages ?? [navigator.language]) });
}
