"use client";

import { ArrowDownIcon, ArrowUpIcon } from "lucide-react";
import { useStore } from "zustand";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItems, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useColourConvention } from "@/hooks/use-colour-convention";
import { useSavePreference } from "@/lib/api/profile";
import { COLOUR_CONVENTIONS, setColourConvention, type ColourConvention } from "@/lib/colour-convention";
import { formatPercent } from "@/lib/format";
import { LANGUAGES, setLanguage, useLanguage, useLocale, useT, type Language } from "@/lib/i18n";
import { setTheme, themeStore, THEMES, type Theme } from "@/lib/theme";
import { SettingsSection } from "./settings-section";

const LANGUAGE_NAMES: Record<Language, string> = { ko: "한국어", en: "English" };

/** One labelled select of the section; each applies at once, there is no save button. */
function Choice<T extends string>({
  id,
  label,
  value,
  onChange,
  options,
  hint,
}: {
  id: string;
  label: string;
  value: T;
  onChange: (value: T) => void;
  options: { value: T; label: string }[];
  hint?: string;
}) {
  return (
    <div className="grid content-start gap-2">
      <Label htmlFor={id}>{label}</Label>
      <Select value={value} onValueChange={(next) => onChange(next as T)}>
        <SelectTrigger id={id} className="w-full" data-testid={id}>
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItems options={options} />
        </SelectContent>
      </Select>
      {hint && <p className="text-sm break-keep text-muted-foreground">{hint}</p>}
    </div>
  );
}

/** Up and down as the app will draw them: two candles and two changes in the current colours. */
function ColourPreview() {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="grid gap-2" aria-label={t("settings.display.preview")} role="group">
      <span className="text-sm font-medium">{t("settings.display.preview")}</span>
      <div className="flex flex-wrap items-center gap-4 rounded-md border p-3">
        <div className="flex items-end gap-1.5" aria-hidden>
          <span className="relative flex h-12 w-3 justify-center">
            <span className="absolute inset-y-0 w-px bg-gain" />
            <span className="relative mt-3 h-7 w-3 rounded-[2px] bg-gain" data-testid="colour-preview-up-candle" />
          </span>
          <span className="relative flex h-12 w-3 justify-center">
            <span className="absolute inset-y-0 w-px bg-loss" />
            <span className="relative mt-2 h-6 w-3 rounded-[2px] bg-loss" />
          </span>
        </div>
        <span className="inline-flex items-center gap-1 text-sm font-medium text-gain tabular-nums" data-testid="colour-preview-up">
          <ArrowUpIcon className="size-4" aria-hidden />
          {t("settings.display.up")} {formatPercent(0.024, locale, { signed: true })}
        </span>
        <span className="inline-flex items-center gap-1 text-sm font-medium text-loss tabular-nums" data-testid="colour-preview-down">
          <ArrowDownIcon className="size-4" aria-hidden />
          {t("settings.display.down")} {formatPercent(-0.018, locale, { signed: true })}
        </span>
      </div>
    </div>
  );
}

/** Language, theme and the up/down colour convention: applied at once, and the first and last saved to the profile. */
export function DisplaySection() {
  const t = useT();
  const language = useLanguage();
  const theme = useStore(themeStore, (s) => s.theme);
  const convention = useColourConvention();
  const savePreference = useSavePreference();
  return (
    <SettingsSection id="display" title={t("settings.display.title")} description={t("settings.display.description")}>
      <div className="grid gap-5">
        <div className="grid gap-4 sm:grid-cols-2">
          <Choice
            id="settings-language"
            label={t("settings.display.language")}
            value={language}
            onChange={(next: Language) => {
              setLanguage(next);
              savePreference({ language: next });
            }}
            options={LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))}
          />
          <Choice
            id="settings-theme"
            label={t("settings.display.theme")}
            value={theme}
            onChange={(next: Theme) => setTheme(next)}
            options={THEMES.map((option) => ({ value: option, label: t(`theme.${option}`) }))}
          />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Choice
            id="settings-colours"
            label={t("settings.display.colours")}
            value={convention}
            onChange={(next: ColourConvention) => {
              setColourConvention(next);
              savePreference({ colour_convention: next });
            }}
            options={COLOUR_CONVENTIONS.map((option) => ({ value: option, label: t(`settings.display.conventions.${option}`) }))}
            hint={`${t(`settings.display.conventionHints.${convention}`)} ${t("settings.display.coloursHint")}`}
          />
          <ColourPreview />
        </div>
      </div>
    </SettingsSection>
  );
}
