"use client";

import { useStore } from "zustand";
import {
  colourConventionStore,
  resolveColourConvention,
  type ColourConvention,
  type ResolvedColourConvention,
} from "@/lib/colour-convention";
import { useLanguage } from "@/lib/i18n";

/** The chosen convention (`auto` included). */
export function useColourConvention(): ColourConvention {
  return useStore(colourConventionStore, (s) => s.convention);
}

/** The convention shown now: which colour means up. Charts that copy colours redraw when it changes. */
export function useResolvedColourConvention(): ResolvedColourConvention {
  return resolveColourConvention(useColourConvention(), useLanguage());
}
