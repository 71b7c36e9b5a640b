"use client";

import { LanguagesIcon } from "lucide-react";
import { useSavePreference } from "@/lib/api/profile";
import { LANGUAGES, setLanguage, useLanguage, useT, type Language } from "@/lib/i18n";
import { ChoiceMenu } from "./choice-menu";

const NAMES: Record<Language, string> = { ko: "한국어", en: "English" };
const CHOICES = LANGUAGES.map((code) => ({ value: code, label: NAMES[code], lang: code }));

/** The header's language menu; signed in, the choice is saved to the profile too. */
export function LanguageSwitch() {
  const language = useLanguage();
  const t = useT();
  const savePreference = useSavePreference();
  return (
    <ChoiceMenu
      label={t("common.language")}
      size="sm"
      value={language}
      onValueChange={(next) => {
        setLanguage(next);
        savePreference({ language: next });
      }}
      choices={CHOICES}
      data-testid="language-switch"
    >
      <LanguagesIcon />
      <span className="hidden sm:inline">{NAMES[language]}</span>
    </ChoiceMenu>
  );
}
