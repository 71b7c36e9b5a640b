"use client";

import { MonitorIcon, MoonIcon, SunIcon } from "lucide-react";
import { useStore } from "zustand";
import { useT } from "@/lib/i18n";
import { setTheme, themeStore, THEMES } from "@/lib/theme";
import { ChoiceMenu } from "./choice-menu";

const ICONS = { light: SunIcon, dark: MoonIcon, system: MonitorIcon } as const;

export function ThemeToggle() {
  const t = useT();
  const theme = useStore(themeStore, (s) => s.theme);
  const choices = THEMES.map((option) => {
    const Icon = ICONS[option];
    return {
      value: option,
      label: (
        <>
          <Icon />
          {t(`theme.${option}`)}
        </>
      ),
    };
  });
  return (
    <ChoiceMenu label={t("common.theme")} size="icon-sm" value={theme} onValueChange={setTheme} choices={choices}>
      <SunIcon className="dark:hidden" />
      <MoonIcon className="hidden dark:block" />
    </ChoiceMenu>
  );
}
