import { createStore } from "zustand/vanilla";
import { languageStore, type Language } from "@/lib/i18n/store";
import { readPreference, writePreference } from "@/lib/stored-preference";

/**
 * Which colour means up. Korean traders read a rise in red and a fall in blue (상승 빨강, 하락 파랑);
 * most others a rise in green and a fall in red. `auto` follows the language.
 */
export const COLOUR_CONVENTIONS = ["auto", "red-up", "green-up"] as const;
export type ColourConvention = (typeof COLOUR_CONVENTIONS)[number];
export type ResolvedColourConvention = Exclude<ColourConvention, "auto">;

export const COLOUR_CONVENTION_STORAGE_KEY = "tb-colours";
/**
 * The attribute on <html> that globals.css swaps `--gain` and `--loss` by; public/boot.js sets it
 * before the first paint with the same rules as {@link resolveColourConvention}.
 */
export const COLOUR_CONVENTION_ATTRIBUTE = "data-updown";

export const isColourConvention = (value: unknown): value is ColourConvention =>
  typeof value === "string" && (COLOUR_CONVENTIONS as readonly string[]).includes(value);

/** The convention shown: the chosen one, or for `auto` the language's (Korean red up, else green up). */
export function resolveColourConvention(convention: ColourConvention, language: Language): ResolvedColourConvention {
  if (convention !== "auto") return convention;
  return language === "ko" ? "red-up" : "green-up";
}

export const colourConventionStore = createStore<{ convention: ColourConvention }>(() => ({ convention: "auto" }));

export function applyColourConvention(convention: ColourConvention, language: Language) {
  if (typeof document === "undefined") return;
  document.documentElement.setAttribute(COLOUR_CONVENTION_ATTRIBUTE, resolveColourConvention(convention, language));
}

/** Chooses a convention for this browser (kept in localStorage, like the theme). */
export function setColourConvention(convention: ColourConvention) {
  colourConventionStore.setState({ convention });
  writePreference(COLOUR_CONVENTION_STORAGE_KEY, convention);
}

function applyCurrent() {
  applyColourConvention(colourConventionStore.getState().convention, languageStore.getState().language);
}

if (typeof window !== "undefined") {
  const stored = readPreference(COLOUR_CONVENTION_STORAGE_KEY);
  if (isColourConvention(stored)) colourConventionStore.setState({ convention: stored });
  // Applied as the stores change, before React renders: a chart that copies the colours while it
  // redraws for the change reads the new ones.
  colourConventionStore.subscribe(applyCurrent);
  languageStore.subscribe(applyCurrent);
  applyCurrent();
}
