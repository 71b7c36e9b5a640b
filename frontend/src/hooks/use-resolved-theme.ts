"use client";

import { useSyncExternalStore } from "react";
import { useStore } from "zustand";
import { themeStore } from "@/lib/theme";

const QUERY = "(prefers-color-scheme: dark)";

function subscribe(onChange: () => void) {
  const media = window.matchMedia(QUERY);
  media.addEventListener("change", onChange);
  return () => media.removeEventListener("change", onChange);
}

/** light or dark as shown now (a `system` choice resolved, and followed when the system changes). */
export function useResolvedTheme(): "light" | "dark" {
  const theme = useStore(themeStore, (s) => s.theme);
  const systemDark = useSyncExternalStore(
    subscribe,
    () => window.matchMedia(QUERY).matches,
    () => false,
  );
  return theme === "system" ? (systemDark ? "dark" : "light") : theme;
}
