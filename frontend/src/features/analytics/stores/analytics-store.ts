import { create } from "zustand";
import { MAX_COMPARE } from "../api/get-comparison";

interface AnalyticsState {
  tab: "compare" | "optimize";
  /** Runs picked for comparison, in the order picked. */
  selected: string[];
  /** The optimisation shown, and the two parameters of its heatmap. */
  optimizationId: string | null;
  axes: { x?: string; y?: string };
  setTab: (tab: "compare" | "optimize") => void;
  toggle: (id: string) => void;
  setSelected: (ids: string[]) => void;
  showOptimization: (id: string | null) => void;
  setAxes: (axes: { x?: string; y?: string }) => void;
}

/** What the analytics screen looks at (client state only; results live in TanStack Query). */
export const useAnalyticsStore = create<AnalyticsState>((set) => ({
  tab: "compare",
  selected: [],
  optimizationId: null,
  axes: {},
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
}));
