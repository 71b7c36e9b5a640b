import { create } from "zustand";
import { MAX_COMPARE } from "../api/get-comparison";

export type AnalyticsTab = "compare" | "optimize" | "walk-forward";

interface AnalyticsState {
  tab: AnalyticsTab;
  /** Runs picked for comparison, in the order picked. */
  selected: string[];
  /** The optimisation shown, and the two parameters of its heatmap. */
  optimizationId: string | null;
  axes: { x?: string; y?: string };
  /** The walk-forward shown. */
  walkForwardId: string | null;
  setTab: (tab: AnalyticsTab) => void;
  toggle: (id: string) => void;
  setSelected: (ids: string[]) => void;
  showOptimization: (id: string | null) => void;
  setAxes: (axes: { x?: string; y?: string }) => void;
  showWalkForward: (id: string | null) => void;
}

/** What the analytics screen looks at (client state only; results live in TanStack Query). */
export const useAnalyticsStore = create<AnalyticsState>((set) => ({
  tab: "compare",
  selected: [],
  optimizationId: null,
  axes: {},
  walkForwardId: null,
  setTab: (tab) => set({ tab }),
  toggle: (id) =>
    set((state) => ({
      selected: state.selected.includes(id)
        ? state.selected.filter((s) => s !== id)
        : state.selected.length >= MAX_COMPARE
          ? state.selected
          : [...state.selected, id],
    })),
  setSelected: (ids) => set({ selected: ids.slice(0, MAX_COMPARE) }),
  showOptimization: (id) => set({ optimizationId: id, axes: {} }),
  setAxes: (axes) => set({ axes }),
  showWalkForward: (id) => set({ walkForwardId: id }),
}));
