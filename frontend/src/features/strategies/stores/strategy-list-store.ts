import { create } from "zustand";
import { toggledSort, type Sort } from "@/lib/sort";
import type { StrategyScope } from "../api/get-strategies";

export type SortField = "name" | "created_at" | "updated_at";

interface StrategyListState {
  scope: StrategyScope;
  search: string;
  sort: Sort<SortField>;
  page: number;
  size: number;
  setScope: (scope: StrategyScope) => void;
  setSearch: (search: string) => void;
  toggleSort: (field: SortField) => void;
  setPage: (page: number) => void;
  setSize: (size: number) => void;
}

/** How the strategy list is being looked at (client state only; the rows live in TanStack Query). */
export const useStrategyListStore = create<StrategyListState>((set) => ({
  scope: "mine",
  search: "",
  sort: { field: "updated_at", direction: "desc" },
  page: 0,
  size: 20,
  setScope: (scope) => set({ scope, page: 0 }),
  setSearch: (search) => set({ search, page: 0 }),
  toggleSort: (field) => set((state) => ({ page: 0, sort: toggledSort(state.sort, field, ["name"]) })),
  setPage: (page) => set({ page: Math.max(0, page) }),
  setSize: (size) => set({ size, page: 0 }),
}));
