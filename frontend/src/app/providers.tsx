"use client";

import { QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useStore } from "zustand";
import { Toaster } from "@/components/ui/sonner";
import { TooltipProvider } from "@/components/ui/tooltip";
import { useProfile, useSignedInUserId } from "@/lib/api/profile";
import { setColourConvention } from "@/lib/colour-convention";
import { setLanguage, useLanguage } from "@/lib/i18n";
import { makeQueryClient } from "@/lib/query-client";
import { useResolvedTheme } from "@/hooks/use-resolved-theme";
import { startMonitoring } from "@/lib/monitoring";
import { applyTheme, themeStore } from "@/lib/theme";

function LanguageSync() {
  const language = useLanguage();
  const queryClient = useQueryClient();
  const previous = useRef(language);
  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.classList.remove("i18n-pending");
    if (previous.current !== language) {
      previous.current = language;
      // The server wrote its messages (errors, compile errors, import reasons, the language
      // catalogue) in the language of the request: fetch what is shown again in the new one.
      void queryClient.invalidateQueries();
    }
  }, [language, queryClient]);
  return null;
}

/** Keeps the `dark` class on <html> in step with the chosen theme (and the system's, for `system`). */
function ThemeSync() {
  const theme = useStore(themeStore, (state) => state.theme);
  const resolved = useResolvedTheme();
  useEffect(() => applyTheme(theme), [theme, resolved]);
  return null;
}

/**
 * On sign-in, switches to the language and the colour convention saved in the profile (once per
 * sign-in: what the user changes afterwards is saved there by the menus that change it).
 */
function ProfilePreferencesSync() {
  const userId = useSignedInUserId();
  const profile = useProfile().data;
  const applied = useRef<string | null>(null);
  useEffect(() => {
    if (!userId) applied.current = null;
    if (!userId || !profile || applied.current === userId) return;
    applied.current = userId;
    if (profile.language) setLanguage(profile.language);
    if (profile.updated_at) setColourConvention(profile.colour_convention);
  }, [userId, profile]);
  return null;
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  useEffect(() => {
    void startMonitoring();
  }, []);
  const toastTheme = useResolvedTheme();
  return (
    <QueryClientProvider client={queryClient}>
      <TooltipProvider delayDuration={300}>
        <LanguageSync />
        <ThemeSync />
        <ProfilePreferencesSync />
        {children}
        <Toaster theme={toastTheme} position="top-right" richColors closeButton />
      </TooltipProvider>
    </QueryClientProvider>
  );
}
