"use client";

import { useCallback } from "react";
import { useStore } from "zustand";
import { en } from "./en";
import { ko } from "./ko";
import { languageStore, type Language } from "./store";

export { LANGUAGES, setLanguage, type Language } from "./store";

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every key of the dictionary, checked at compile time. */
export type TranslationKey = Leaves<typeof en>;
export type Vars = Record<string, string | number>;
export type Translate = (key: TranslationKey, vars?: Vars) => string;

const dictionaries: Record<Language, unknown> = { en, ko };

export const LOCALES: Record<Language, string> = { en: "en-US", ko: "ko-KR" };

function lookup(dictionary: unknown, key: string): string | undefined {
  let node: unknown = dictionary;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/**
 * `{name}` placeholders are replaced by vars; numbers are grouped for the language. A template with
 * `|` has a singular and a plural form ("{count} error|{count} errors"), chosen by `count`.
 */
export function translate(language: Language, key: string, vars?: Vars): string {
  let template = lookup(dictionaries[language], key) ?? lookup(en, key) ?? key;
  if (template.includes("|")) {
    const [one, other] = template.split("|") as [string, string];
    const count = vars?.count;
    template = typeof count === "number" && new Intl.PluralRules(LOCALES[language]).select(count) === "one" ? one : other;
  }
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = vars[name];
    if (value === undefined) return match;
    return typeof value === "number" ? value.toLocaleString(LOCALES[language]) : value;
  });
}

/** Whether a string is a dictionary key (validation messages are keys; API messages are not). */
export function isTranslationKey(value: string): value is TranslationKey {
  return lookup(en, value) !== undefined;
}

export function useLanguage(): Language {
  return useStore(languageStore, (state) => state.language);
}

export function useLocale(): string {
  return LOCALES[useLanguage()];
}

export function useT(): Translate {
  const language = useLanguage();
  return useCallback((key: TranslationKey, vars?: Vars) => translate(language, key, vars), [language]);
}
